package dev.kubesim.impl.kubectl.print;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A port of Go's {@code text/tabwriter.Writer} (the elastic-tabstops filter kubectl prints through),
 * including the {@code RememberWidths} extension of {@code github.com/liggitt/tabwriter}, which is
 * the fork kubectl's table printer uses.
 *
 * <p>Input is treated as UTF-8 text made of cells terminated by {@code '\t'} or {@code '\u000b'}
 * (vertical tab), with {@code '\n'} and {@code '\f'} as line breaks. Tab-terminated cells in
 * <em>contiguous</em> lines form a column; the text after the last tab of a line is a cell that
 * belongs to no column and is never padded. A column's width is the widest cell in its block plus
 * {@code padding}, but never less than {@code minwidth}. Widths count Unicode code points (Go
 * "runes"), not display columns.
 *
 * <p>Like Go's writer it buffers until a line with a single cell (which cannot affect later
 * alignment), a form feed, or {@link #flush()}; formatted text accumulates in an internal buffer
 * read with {@link #output()}. Instances are not thread-safe.
 */
public final class TabWriter {
  /** Ignore HTML tags and treat entities ({@code &...;}) as a single character. */
  public static final int FILTER_HTML = 1;
  /** Strip {@link #ESCAPE} bytes bracketing escaped text instead of passing them through. */
  public static final int STRIP_ESCAPE = 1 << 1;
  /** Right-align cell contents (ignored when the pad character is a tab). */
  public static final int ALIGN_RIGHT = 1 << 2;
  /** Treat columns made only of empty, vertical-tab-terminated cells as absent. */
  public static final int DISCARD_EMPTY_COLUMNS = 1 << 3;
  /** Pad leading empty cells with tabs whatever the pad character. */
  public static final int TAB_INDENT = 1 << 4;
  /** Print {@code '|'} between columns, {@code "---"} at form feeds. */
  public static final int DEBUG = 1 << 5;
  /** Keep the widest width seen per column across flushes (liggitt/tabwriter extension). */
  public static final int REMEMBER_WIDTHS = 1 << 6;

  /**
   * Brackets text whose tabs and line breaks must not be interpreted. It is byte {@code 0xff},
   * which never occurs in UTF-8, so it can only be passed through {@link #write(byte[])}.
   */
  public static final byte ESCAPE = (byte) 0xff;

  private static final byte[] NEWLINE = {'\n'};
  private static final byte[] VBAR = {'|'};
  private static final byte[] HBAR = "---\n".getBytes(StandardCharsets.US_ASCII);

  /** A segment of text terminated by a tab or a line break. */
  private record Cell(int size, int width, boolean htab) {}

  // configuration
  private final int minwidth;
  private final int tabwidth;
  private final int padding;
  private final byte padchar;
  private final int flags;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  // current state, as in Go: buf holds the text without tabs and line breaks
  private byte[] buf = new byte[256];
  private int bufLen;
  private int pos; // buffer position up to which the incomplete cell's width has been computed
  private int cellSize; // the incomplete cell, in bytes
  private int cellWidth; // ... and in runes up to pos, excluding ignored sections
  private byte endChar; // terminator of the escaped sequence we are in, or 0
  private final List<List<Cell>> lines = new ArrayList<>();
  private int[] widths = new int[8]; // stack of column widths used while formatting
  private int widthCount;
  private int[] maxwidths = new int[0]; // REMEMBER_WIDTHS: widest width per column so far

  /**
   * Creates a writer, as Go's {@code NewWriter}.
   *
   * @param minwidth minimal cell width including any padding
   * @param tabwidth width of a tab character, used when padding with tabs
   * @param padding added to a cell's width before computing the column width
   * @param padchar ASCII character used for padding; with {@code '\t'} cells are always
   *     left-aligned
   * @param flags a combination of the flag constants of this class
   */
  public TabWriter(int minwidth, int tabwidth, int padding, char padchar, int flags) {
    if (minwidth < 0 || tabwidth < 0 || padding < 0) {
      throw new IllegalArgumentException("negative minwidth, tabwidth, or padding");
    }
    if (padchar > 0x7f) {
      throw new IllegalArgumentException("padchar must be ASCII: " + padchar);
    }
    this.minwidth = minwidth;
    this.tabwidth = tabwidth;
    this.padding = padding;
    this.padchar = (byte) padchar;
    // tab padding enforces left-alignment
    this.flags = padchar == '\t' ? flags & ~ALIGN_RIGHT : flags;
    reset();
  }

  /**
   * The writer {@code kubectl get} prints tables through: cli-runtime's {@code GetNewTabWriter},
   * minwidth 6, tabwidth 4, padding 3, padchar ' ', flags {@code RememberWidths}.
   */
  public static TabWriter forTables() {
    return new TabWriter(6, 4, 3, ' ', REMEMBER_WIDTHS);
  }

  /**
   * The writer {@code kubectl describe} prints through: describe.go's {@code tabbedString},
   * {@code Init(buf, 0, 8, 2, ' ', 0)}.
   */
  public static TabWriter forDescribe() {
    return new TabWriter(0, 8, 2, ' ', 0);
  }

  /** Writes text, encoded as UTF-8. */
  public TabWriter write(String text) {
    return write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes raw bytes; the only way to pass {@link #ESCAPE} or non-UTF-8 input. */
  public TabWriter write(byte[] data) {
    int n = 0;
    for (int i = 0; i < data.length; i++) {
      byte ch = data[i];
      if (endChar == 0) {
        // outside escape
        switch (ch) {
          case '\t', 0x0b, '\n', '\f' -> {
            // end of cell
            append(data, n, i);
            updateWidth();
            n = i + 1; // ch consumed
            int ncells = terminateCell(ch == '\t');
            if (ch == '\n' || ch == '\f') {
              // terminate line
              lines.add(new ArrayList<>());
              if (ch == '\f' || ncells == 1) {
                // A line of one cell cannot influence later columns (the last cell of a line is
                // never part of a column), so everything buffered can be formatted now; a form
                // feed always forces that.
                flush();
                if (ch == '\f' && (flags & DEBUG) != 0) {
                  out.writeBytes(HBAR); // indicate section break
                }
              }
            }
          }
          case ESCAPE -> {
            // start of escaped sequence
            append(data, n, i);
            updateWidth();
            n = i;
            if ((flags & STRIP_ESCAPE) != 0) {
              n++; // strip Escape
            }
            endChar = ESCAPE;
          }
          case '<', '&' -> {
            // possibly an html tag/entity
            if ((flags & FILTER_HTML) != 0) {
              append(data, n, i);
              updateWidth();
              n = i;
              endChar = ch == '<' ? (byte) '>' : (byte) ';';
            }
          }
          default -> {}
        }
      } else if (ch == endChar) {
        // end of tag/entity/escape
        int j = i + 1;
        if (ch == ESCAPE && (flags & STRIP_ESCAPE) != 0) {
          j = i; // strip Escape
        }
        append(data, n, j);
        n = i + 1; // ch consumed
        endEscape();
      }
    }
    // append leftover text
    append(data, n, data.length);
    return this;
  }

  /**
   * Formats and emits everything buffered. An incomplete trailing line is emitted without a
   * newline, and an unterminated escape counts as terminated.
   */
  public TabWriter flush() {
    // add current cell if not empty
    if (cellSize > 0) {
      if (endChar != 0) {
        endEscape(); // inside escape - terminate it even if incomplete
      }
      terminateCell(false);
    }
    format(0, 0, lines.size());
    reset();
    return this;
  }

  /** Everything emitted so far (by flushes), decoded as UTF-8. */
  public String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Everything emitted so far, as bytes. */
  public byte[] outputBytes() {
    return out.toByteArray();
  }

  /** A copy of the remembered per-column widths (only grown with {@link #REMEMBER_WIDTHS}). */
  public int[] rememberedWidths() {
    return maxwidths.clone();
  }

  /**
   * Replaces the remembered per-column widths; an empty array forgets them, as kubectl does
   * between resource kinds with {@code SetRememberedWidths(nil)}.
   */
  public TabWriter setRememberedWidths(int... widths) {
    maxwidths = widths.clone();
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Filter implementation, mirroring the Go source function by function.

  private void reset() {
    bufLen = 0;
    pos = 0;
    cellSize = 0;
    cellWidth = 0;
    endChar = 0;
    lines.clear();
    widthCount = 0;
    lines.add(new ArrayList<>());
  }

  private void append(byte[] text, int from, int to) {
    int len = to - from;
    if (len <= 0) {
      return;
    }
    if (bufLen + len > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bufLen + len));
    }
    System.arraycopy(text, from, buf, bufLen, len);
    bufLen += len;
    cellSize += len;
  }

  private void updateWidth() {
    cellWidth += runeCount(buf, pos, bufLen);
    pos = bufLen;
  }

  /**
   * Ends escaped mode. An HTML tag counts as zero width and an entity as one; escaped text counts
   * its runes without the two Escape bytes.
   */
  private void endEscape() {
    switch (endChar) {
      case ESCAPE -> {
        updateWidth();
        if ((flags & STRIP_ESCAPE) == 0) {
          cellWidth -= 2; // don't count the Escape chars
        }
      }
      case ';' -> cellWidth++; // entity, count as one rune
      default -> {} // '>': tag of zero width
    }
    pos = bufLen;
    endChar = 0;
  }

  /** Adds the current cell to the current line and returns that line's cell count. */
  private int terminateCell(boolean htab) {
    List<Cell> line = lines.get(lines.size() - 1);
    line.add(new Cell(cellSize, cellWidth, htab));
    cellSize = 0;
    cellWidth = 0;
    return line.size();
  }

  /**
   * Formats lines [line0, line1), whose text starts at buffer position pos0, and returns the
   * position after them. Each recursion level fixes the width of one more column: a column block
   * is a maximal run of consecutive lines that have a tab-terminated cell in that column.
   */
  private int format(int pos0, int line0, int line1) {
    int p = pos0;
    int column = widthCount;
    for (int current = line0; current < line1; current++) {
      if (column >= lines.get(current).size() - 1) {
        continue;
      }
      // Cell exists in this column: this line has more cells than the previous one. (The last
      // cell per line is ignored: it is the text before the line break, not part of a column.)

      // print unprinted lines until beginning of block
      p = writeLines(p, line0, current);
      line0 = current;

      // column block begin
      int width = minwidth; // minimal column width
      boolean discardable = true; // true if all cells in this column are empty and "soft"
      for (; current < line1; current++) {
        List<Cell> line = lines.get(current);
        if (column >= line.size() - 1) {
          break;
        }
        Cell c = line.get(column);
        width = Math.max(width, c.width() + padding);
        if (c.width() > 0 || c.htab()) {
          discardable = false;
        }
      }
      // column block end

      if (discardable && (flags & DISCARD_EMPTY_COLUMNS) != 0) {
        width = 0;
      }

      if ((flags & REMEMBER_WIDTHS) != 0) {
        width = rememberWidth(width);
      }

      // format and print all columns to the right of this column
      // (we know the widths of this column and all columns to the left)
      pushWidth(width);
      p = format(p, line0, current);
      widthCount--;
      line0 = current;
      // Go's loop increment then skips the line that ended the block, as here.
    }

    // print unprinted lines until end
    return writeLines(p, line0, line1);
  }

  /** The liggitt/tabwriter rule: a column never gets narrower than it has been. */
  private int rememberWidth(int width) {
    if (maxwidths.length < widthCount) {
      // columns to the left were formatted before anything was remembered for them
      int old = maxwidths.length;
      maxwidths = Arrays.copyOf(maxwidths, widthCount);
      System.arraycopy(widths, old, maxwidths, old, widthCount - old);
    }
    if (maxwidths.length == widthCount) {
      maxwidths = Arrays.copyOf(maxwidths, widthCount + 1);
      maxwidths[widthCount] = width;
      return width;
    }
    if (maxwidths[widthCount] > width) {
      return maxwidths[widthCount];
    }
    maxwidths[widthCount] = width;
    return width;
  }

  private void pushWidth(int width) {
    if (widthCount == widths.length) {
      widths = Arrays.copyOf(widths, widths.length * 2);
    }
    widths[widthCount++] = width;
  }

  private int writeLines(int pos0, int line0, int line1) {
    int p = pos0;
    for (int i = line0; i < line1; i++) {
      List<Cell> line = lines.get(i);

      // if TAB_INDENT is set, use tabs to pad leading empty cells
      boolean useTabs = (flags & TAB_INDENT) != 0;

      for (int j = 0; j < line.size(); j++) {
        Cell c = line.get(j);
        if (j > 0 && (flags & DEBUG) != 0) {
          out.writeBytes(VBAR); // indicate column break
        }
        if (c.size() == 0) {
          // empty cell
          if (j < widthCount) {
            writePadding(c.width(), widths[j], useTabs);
          }
        } else {
          // non-empty cell
          useTabs = false;
          if ((flags & ALIGN_RIGHT) == 0) {
            out.write(buf, p, c.size());
            p += c.size();
            if (j < widthCount) {
              writePadding(c.width(), widths[j], false);
            }
          } else {
            if (j < widthCount) {
              writePadding(c.width(), widths[j], false);
            }
            out.write(buf, p, c.size());
            p += c.size();
          }
        }
      }

      if (i + 1 == lines.size()) {
        // last buffered line - we don't have a newline, so just write any outstanding buffered
        // data
        out.write(buf, p, cellSize);
        p += cellSize;
      } else {
        out.writeBytes(NEWLINE);
      }
    }
    return p;
  }

  private void writePadding(int textw, int cellw, boolean useTabs) {
    if (padchar == '\t' || useTabs) {
      // padding is done with tabs
      if (tabwidth == 0) {
        return; // tabs have no width - can't do any padding
      }
      // make cellw the smallest multiple of tabwidth
      int roundedCellw = (cellw + tabwidth - 1) / tabwidth * tabwidth;
      int n = roundedCellw - textw; // amount of padding
      if (n < 0) {
        throw new IllegalStateException("internal error");
      }
      repeat((byte) '\t', (n + tabwidth - 1) / tabwidth);
      return;
    }
    // padding is done with non-tab characters
    repeat(padchar, cellw - textw);
  }

  private void repeat(byte b, int n) {
    if (n < 0) {
      throw new IllegalStateException("internal error: negative padding " + n);
    }
    for (int i = 0; i < n; i++) {
      out.write(b);
    }
  }

  /**
   * Go's {@code utf8.RuneCount}: each valid UTF-8 sequence is one rune and so is each byte of an
   * invalid one.
   */
  static int runeCount(byte[] b, int from, int to) {
    int count = 0;
    int i = from;
    while (i < to) {
      int c = b[i] & 0xff;
      int size = c < 0x80 ? 1 : validSequenceLength(b, i, to);
      i += Math.max(size, 1);
      count++;
    }
    return count;
  }

  /** Length of the valid multi-byte UTF-8 sequence at {@code i}, or 0 if it is invalid. */
  private static int validSequenceLength(byte[] b, int i, int to) {
    int c = b[i] & 0xff;
    int size;
    int lo = 0x80;
    int hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      size = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      size = 3;
      if (c == 0xe0) {
        lo = 0xa0; // no overlong encodings
      } else if (c == 0xed) {
        hi = 0x9f; // no surrogates
      }
    } else if (c >= 0xf0 && c <= 0xf4) {
      size = 4;
      if (c == 0xf0) {
        lo = 0x90;
      } else if (c == 0xf4) {
        hi = 0x8f; // nothing above U+10FFFF
      }
    } else {
      return 0;
    }
    if (i + size > to) {
      return 0;
    }
    int second = b[i + 1] & 0xff;
    if (second < lo || second > hi) {
      return 0;
    }
    for (int k = 2; k < size; k++) {
      int cont = b[i + k] & 0xff;
      if (cont < 0x80 || cont > 0xbf) {
        return 0;
      }
    }
    return size;
  }
}
