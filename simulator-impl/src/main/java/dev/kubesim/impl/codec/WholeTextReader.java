package dev.kubesim.impl.codec;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over a document already in memory, in constant time per step. SnakeYAML's own
 * reader refills a 1 KiB window by copying everything not yet consumed, and a scalar is consumed
 * only once the scanner has found its end: a single-line value of n characters costs n²/1024
 * copies (16 MB took 110 s). Here every position is at hand, so the scanner's cost is linear.
 *
 * <p>The text is read as code points, as SnakeYAML's reader does; positions, lines and columns
 * advance exactly as there. Characters YAML does not allow are refused up front, in go-yaml's
 * words, before the scanner starts.
 */
final class WholeTextReader extends StreamReader {
  /** The text's code points, only when it has surrogate pairs; otherwise {@link #text} is indexed. */
  private final int[] codePoints;
  private final String text;
  private final int length;
  /** The text as code points for {@link #getMark()}, made on its first call. */
  private int[] marks;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  WholeTextReader(String text) {
    super(new StringReader(""));
    this.text = text;
    boolean surrogates = false;
    for (int i = 0; i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
    this.codePoints = surrogates ? text.codePoints().toArray() : null;
    this.length = surrogates ? codePoints.length : text.length();
  }

  /**
   * The position (0-based, in code points) of the first character YAML does not allow (go-yaml:
   * {@code control characters are not allowed}), or -1.
   */
  int firstUnprintable() {
    for (int i = 0; i < length; i++) {
      if (!isPrintable(at(i))) {
        return i;
      }
    }
    return -1;
  }

  private int at(int i) {
    return codePoints != null ? codePoints[i] : text.charAt(i);
  }

  /**
   * The scanner asks for a mark at every token, and a mark's snippet (shown only in an error) reads
   * only the neighbourhood of its position: every mark shares one array of the whole text, made at
   * the first mark, instead of copying a window each time.
   */
  @Override
  public Mark getMark() {
    if (marks == null) {
      marks = codePoints != null ? codePoints : text.chars().toArray();
    }
    return new Mark("'reader'", index, line, column, marks, Math.min(pointer, length));
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int n) {
    for (int i = 0; i < n && pointer < length; i++) {
      int c = at(pointer++);
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && pointer < length && at(pointer) != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return pointer < length ? at(pointer) : 0;
  }

  @Override
  public int peek(int k) {
    int i = pointer + k;
    return i >= 0 && i < length ? at(i) : 0;
  }

  @Override
  public String prefix(int n) {
    if (n == 0 || pointer >= length) {
      return "";
    }
    int end = Math.min(length, pointer + n);
    if (codePoints == null) {
      return text.substring(pointer, end);
    }
    return new String(codePoints, pointer, end - pointer);
  }

  @Override
  public String prefixForward(int n) {
    String prefix = prefix(n);
    pointer += n;
    index += n;
    documentIndex += n;
    column += n;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
