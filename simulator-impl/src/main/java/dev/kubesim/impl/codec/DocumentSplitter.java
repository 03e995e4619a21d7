package dev.kubesim.impl.codec;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a stream into YAML documents as apimachinery's {@code YAMLReader} does for kubectl: line by
 * line ({@code \r\n} read as {@code \n}), a line starting with {@code ---} ends the document
 * before it, and what follows {@code ---} on that line may only be a comment ({@code invalid Yaml
 * document separator: ...} otherwise). A stream whose first non-blank character is {@code {} is
 * JSON and is one piece.
 *
 * <p>A document longer than {@link #MAX_CHARS} is not kept: its text is skipped and it comes back
 * as {@link Piece#tooLarge()}, so that reading a file costs at most that much memory whatever its
 * size.
 */
final class DocumentSplitter {
  /** The longest document kept for parsing (64 Mi characters). */
  static final int MAX_CHARS = 64 << 20;

  /** One document's text, or the mark of one too large to keep. */
  record Piece(String text, boolean tooLarge, int lines) {}

  /** The document separator line was followed by something other than a comment. */
  static final class BadSeparator extends Exception {
    private static final long serialVersionUID = 1L;

    BadSeparator(String rest) {
      super("invalid Yaml document separator: " + rest);
    }
  }

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private boolean json;
  private boolean started;
  private boolean eof;

  DocumentSplitter(Reader in) {
    this(in, MAX_CHARS);
  }

  DocumentSplitter(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    int c = read();
    if (c >= 0) {
      position--;
    }
    return c;
  }

  /** The next document, or null at the end of the stream. */
  Piece next() throws IOException, BadSeparator {
    if (!started) {
      started = true;
      json = startsWithBrace();
    }
    if (eof) {
      return null;
    }
    StringBuilder doc = new StringBuilder();
    boolean tooLarge = false;
    int lines = 0;
    StringBuilder line = new StringBuilder();
    while (true) {
      line.setLength(0);
      boolean atEnd = readLine(line, tooLarge || doc.length() > maxChars);
      if (!json && line.length() >= 3 && line.charAt(0) == '-' && line.charAt(1) == '-' && line.charAt(2) == '-') {
        String rest = line.substring(3).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
          throw new BadSeparator(rest);
        }
        if (doc.length() > 0 || tooLarge) {
          eof = atEnd;
          return new Piece(tooLarge ? "" : doc.toString(), tooLarge, lines);
        }
        if (atEnd) {
          eof = true;
          return null;
        }
      }
      if (atEnd && line.length() == 0) {
        eof = true;
        return doc.length() > 0 || tooLarge ? new Piece(tooLarge ? "" : doc.toString(), tooLarge, lines) : null;
      }
      lines++;
      if (!tooLarge) {
        doc.append(line).append('\n');
        if (doc.length() > maxChars) {
          tooLarge = true;
          doc = new StringBuilder();
        }
      }
      if (atEnd) {
        eof = true;
        return new Piece(tooLarge ? "" : doc.toString(), tooLarge, lines);
      }
    }
  }

  /**
   * Reads one line without its terminator into {@code line}; past {@code maxChars} characters
   * (or when {@code discard}) the line's text is skipped, keeping only its first characters (a
   * separator needs three). Returns whether the stream ended.
   */
  private boolean readLine(StringBuilder line, boolean discard) throws IOException {
    while (true) {
      int c = read();
      if (c < 0) {
        return true;
      }
      if (c == '\n') {
        return peek() < 0;
      }
      if (c == '\r' && peek() == '\n') {
        read();
        return peek() < 0;
      }
      if (!discard || line.length() < 3) {
        line.append((char) c);
        if (line.length() > maxChars) {
          discard = true;
        }
      }
    }
  }

  /**
   * kubectl's GuessJSONStream: within the first 4096 characters, the first one that is not
   * whitespace is an opening brace. Nothing is consumed.
   */
  private boolean startsWithBrace() throws IOException {
    while (limit < 4096) {
      int n = in.read(buffer, limit, 4096 - limit);
      if (n <= 0) {
        break;
      }
      limit += n;
    }
    for (int i = 0; i < limit; i++) {
      if (!Character.isWhitespace(buffer[i])) {
        return buffer[i] == '{';
      }
    }
    return false;
  }
}
