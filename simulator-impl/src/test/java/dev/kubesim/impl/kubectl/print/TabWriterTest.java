package dev.kubesim.impl.kubectl.print;

import static dev.kubesim.impl.kubectl.print.TabWriter.ALIGN_RIGHT;
import static dev.kubesim.impl.kubectl.print.TabWriter.DEBUG;
import static dev.kubesim.impl.kubectl.print.TabWriter.DISCARD_EMPTY_COLUMNS;
import static dev.kubesim.impl.kubectl.print.TabWriter.FILTER_HTML;
import static dev.kubesim.impl.kubectl.print.TabWriter.REMEMBER_WIDTHS;
import static dev.kubesim.impl.kubectl.print.TabWriter.STRIP_ESCAPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TabWriterTest {

  /**
   * The cases of Go's src/text/tabwriter/tabwriter_test.go. In these strings U+00FF stands for
   * Go's Escape byte 0xff and U+000B for '\v'.
   */
  static Stream<Arguments> goTabwriterCases() {
    return Stream.of(
        c("1a", 8, 0, 1, '.', 0, "", ""),
        c("1a debug", 8, 0, 1, '.', DEBUG, "", ""),
        c("1b esc stripped", 8, 0, 1, '.', STRIP_ESCAPE, "\u00ff\u00ff", ""),
        c("1b esc", 8, 0, 1, '.', 0, "\u00ff\u00ff", "\u00ff\u00ff"),
        c("1c esc stripped", 8, 0, 1, '.', STRIP_ESCAPE, "\u00ff\t\u00ff", "\t"),
        c("1c esc", 8, 0, 1, '.', 0, "\u00ff\t\u00ff", "\u00ff\t\u00ff"),
        c("1d esc stripped", 8, 0, 1, '.', STRIP_ESCAPE,
            "\u00ff\"foo\t\n\tbar\"\u00ff", "\"foo\t\n\tbar\""),
        c("1d esc", 8, 0, 1, '.', 0,
            "\u00ff\"foo\t\n\tbar\"\u00ff", "\u00ff\"foo\t\n\tbar\"\u00ff"),
        c("1e esc stripped", 8, 0, 1, '.', STRIP_ESCAPE, "abc\u00ff\tdef", "abc\tdef"),
        c("1e esc", 8, 0, 1, '.', 0, "abc\u00ff\tdef", "abc\u00ff\tdef"),
        c("2", 8, 0, 1, '.', 0, "\n\n\n", "\n\n\n"),
        c("3", 8, 0, 1, '.', 0, "a\nb\nc", "a\nb\nc"),
        c("4a", 8, 0, 1, '.', 0, "\t", ""),
        c("4b", 8, 0, 1, '.', ALIGN_RIGHT, "\t", ""),
        c("5", 8, 0, 1, '.', 0, "*\t*", "*.......*"),
        c("5b", 8, 0, 1, '.', 0, "*\t*\n", "*.......*\n"),
        c("5c", 8, 0, 1, '.', 0, "*\t*\t", "*.......*"),
        c("5c debug", 8, 0, 1, '.', DEBUG, "*\t*\t", "*.......|*"),
        c("5d", 8, 0, 1, '.', ALIGN_RIGHT, "*\t*\t", ".......**"),
        c("6", 8, 0, 1, '.', 0, "\t\n", "........\n"),
        c("7a", 8, 0, 1, '.', 0, "a) foo", "a) foo"),
        c("7b", 8, 0, 1, ' ', 0, "b) foo\tbar", "b) foo  bar"),
        c("7c", 8, 0, 1, '.', 0, "c) foo\tbar\t", "c) foo..bar"),
        c("7d", 8, 0, 1, '.', 0, "d) foo\tbar\n", "d) foo..bar\n"),
        c("7e", 8, 0, 1, '.', 0, "e) foo\tbar\t\n", "e) foo..bar.....\n"),
        c("7f", 8, 0, 1, '.', FILTER_HTML,
            "f) f&lt;o\t<b>bar</b>\t\n", "f) f&lt;o..<b>bar</b>.....\n"),
        c("7g", 8, 0, 1, '.', FILTER_HTML,
            "g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp",
            "g) f&lt;o..<b>bar</b>..... non-terminated entity &amp"),
        c("7g debug", 8, 0, 1, '.', FILTER_HTML | DEBUG,
            "g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp",
            "g) f&lt;o..|<b>bar</b>.....| non-terminated entity &amp"),
        c("8", 8, 0, 1, '*', 0, "Hello, world!\n", "Hello, world!\n"),
        c("9a", 1, 0, 0, '.', 0,
            "1\t2\t3\t4\n" + "11\t222\t3333\t44444\n",
            "1.2..3...4\n" + "11222333344444\n"),
        c("9b", 1, 0, 0, '.', FILTER_HTML,
            "1\t2<!---\f--->\t3\t4\n" + "11\t222\t3333\t44444\n",
            "1.2<!---\f--->..3...4\n" + "11222333344444\n"),
        c("9c", 1, 0, 0, '.', 0,
            "1\t2\t3\t4\f" + "11\t222\t3333\t44444\n",
            "1234\n" + "11222333344444\n"),
        c("9c debug", 1, 0, 0, '.', DEBUG,
            "1\t2\t3\t4\f" + "11\t222\t3333\t44444\n",
            "1|2|3|4\n" + "---\n" + "11|222|3333|44444\n"),
        c("10a", 5, 0, 0, '.', 0, "1\t2\t3\t4\n", "1....2....3....4\n"),
        c("10b", 5, 0, 0, '.', 0, "1\t2\t3\t4\t\n", "1....2....3....4....\n"),
        c("11", 8, 0, 1, '.', 0,
            "本\tb\tc\n" + "aa\t\u672c\u672c\u672c\tcccc\tddddd\n" + "aaa\tbbbb\n",
            "本.......b.......c\n" + "aa......本本本.....cccc....ddddd\n" + "aaa.....bbbb\n"),
        c("12a", 8, 0, 1, ' ', ALIGN_RIGHT,
            "a\tè\tc\t\n" + "aa\tèèè\tcccc\tddddd\t\n" + "aaa\tèèèè\t\n",
            "       a       è       c\n"
                + "      aa     èèè    cccc   ddddd\n"
                + "     aaa    èèèè\n"),
        c("12b", 2, 0, 0, ' ', 0,
            "a\tb\tc\n" + "aa\tbbb\tcccc\n" + "aaa\tbbbb\n",
            "a  b  c\n" + "aa bbbcccc\n" + "aaabbbb\n"),
        c("12c", 8, 0, 1, '_', 0,
            "a\tb\tc\n" + "aa\tbbb\tcccc\n" + "aaa\tbbbb\n",
            "a_______b_______c\n" + "aa______bbb_____cccc\n" + "aaa_____bbbb\n"),
        c("13a", 4, 0, 1, '-', 0,
            "4444\t日本語\t22\t1\t333\n"
                + "999999999\t22\n"
                + "7\t22\n"
                + "\t\t\t88888888\n"
                + "\n"
                + "666666\t666666\t666666\t4444\n"
                + "1\t1\t999999999\t0000000000\n",
            "4444------日本語-22--1---333\n"
                + "999999999-22\n"
                + "7---------22\n"
                + "------------------88888888\n"
                + "\n"
                + "666666-666666-666666----4444\n"
                + "1------1------999999999-0000000000\n"),
        c("13b", 4, 0, 3, '.', 0,
            "4444\t333\t22\t1\t333\n"
                + "999999999\t22\n"
                + "7\t22\n"
                + "\t\t\t88888888\n"
                + "\n"
                + "666666\t666666\t666666\t4444\n"
                + "1\t1\t999999999\t0000000000\n",
            "4444........333...22...1...333\n"
                + "999999999...22\n"
                + "7...........22\n"
                + "....................88888888\n"
                + "\n"
                + "666666...666666...666666......4444\n"
                + "1........1........999999999...0000000000\n"),
        c("13c", 8, 8, 1, '\t', FILTER_HTML,
            "4444\t333\t22\t1\t333\n"
                + "999999999\t22\n"
                + "7\t22\n"
                + "\t\t\t88888888\n"
                + "\n"
                + "666666\t666666\t666666\t4444\n"
                + "1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n",
            "4444\t\t333\t22\t1\t333\n"
                + "999999999\t22\n"
                + "7\t\t22\n"
                + "\t\t\t\t88888888\n"
                + "\n"
                + "666666\t666666\t666666\t\t4444\n"
                + "1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n"),
        c("14", 1, 0, 2, ' ', ALIGN_RIGHT,
            ".0\t.3\t2.4\t-5.1\t\n"
                + "23.0\t12345678.9\t2.4\t-989.4\t\n"
                + "5.1\t12.0\t2.4\t-7.0\t\n"
                + ".0\t0.0\t332.0\t8908.0\t\n"
                + ".0\t-.3\t456.4\t22.1\t\n"
                + ".0\t1.2\t44.4\t-13.3\t\t",
            "    .0          .3    2.4    -5.1\n"
                + "  23.0  12345678.9    2.4  -989.4\n"
                + "   5.1        12.0    2.4    -7.0\n"
                + "    .0         0.0  332.0  8908.0\n"
                + "    .0         -.3  456.4    22.1\n"
                + "    .0         1.2   44.4   -13.3"),
        c("14 debug", 1, 0, 2, ' ', ALIGN_RIGHT | DEBUG,
            ".0\t.3\t2.4\t-5.1\t\n"
                + "23.0\t12345678.9\t2.4\t-989.4\t\n"
                + "5.1\t12.0\t2.4\t-7.0\t\n"
                + ".0\t0.0\t332.0\t8908.0\t\n"
                + ".0\t-.3\t456.4\t22.1\t\n"
                + ".0\t1.2\t44.4\t-13.3\t\t",
            "    .0|          .3|    2.4|    -5.1|\n"
                + "  23.0|  12345678.9|    2.4|  -989.4|\n"
                + "   5.1|        12.0|    2.4|    -7.0|\n"
                + "    .0|         0.0|  332.0|  8908.0|\n"
                + "    .0|         -.3|  456.4|    22.1|\n"
                + "    .0|         1.2|   44.4|   -13.3|"),
        c("15a", 4, 0, 0, '.', 0, "a\t\tb", "a.......b"),
        c("15b", 4, 0, 0, '.', DISCARD_EMPTY_COLUMNS, "a\t\tb", "a.......b"),
        c("15c", 4, 0, 0, '.', DISCARD_EMPTY_COLUMNS, "a\u000b\u000bb", "a...b"),
        c("15d", 4, 0, 0, '.', ALIGN_RIGHT | DISCARD_EMPTY_COLUMNS, "a\u000b\u000bb", "...ab"),
        c("16a", 100, 100, 0, '\t', 0,
            "a\tb\t\td\n" + "a\tb\t\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n",
            "a\tb\t\td\n" + "a\tb\t\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n"),
        c("16b", 100, 100, 0, '\t', DISCARD_EMPTY_COLUMNS,
            "a\u000bb\u000b\u000bd\n"
                + "a\u000bb\u000b\u000bd\u000be\n"
                + "a\n"
                + "a\u000bb\u000bc\u000bd\n"
                + "a\u000bb\u000bc\u000bd\u000be\n",
            "a\tb\td\n" + "a\tb\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n"),
        c("16b debug", 100, 100, 0, '\t', DISCARD_EMPTY_COLUMNS | DEBUG,
            "a\u000bb\u000b\u000bd\n"
                + "a\u000bb\u000b\u000bd\u000be\n"
                + "a\n"
                + "a\u000bb\u000bc\u000bd\n"
                + "a\u000bb\u000bc\u000bd\u000be\n",
            "a\t|b\t||d\n" + "a\t|b\t||d\t|e\n" + "a\n" + "a\t|b\t|c\t|d\n" + "a\t|b\t|c\t|d\t|e\n"),
        c("16c", 100, 100, 0, '\t', DISCARD_EMPTY_COLUMNS,
            "a\tb\t\td\n" + "a\tb\t\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n",
            "a\tb\t\td\n" + "a\tb\t\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n"),
        c("16c debug", 100, 100, 0, '\t', DISCARD_EMPTY_COLUMNS | DEBUG,
            "a\tb\t\td\n" + "a\tb\t\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n",
            "a\t|b\t|\t|d\n"
                + "a\t|b\t|\t|d\t|e\n"
                + "a\n"
                + "a\t|b\t|c\t|d\n"
                + "a\t|b\t|c\t|d\t|e\n"));
  }

  private static Arguments c(
      String name, int minwidth, int tabwidth, int padding, char padchar, int flags,
      String src, String expected) {
    return Arguments.of(name, minwidth, tabwidth, padding, padchar, flags, src, expected);
  }

  /** Go's check(): the same result whether written at once, byte by byte or in growing slices. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("goTabwriterCases")
  void matchesGoTabwriterTestsHoweverTheInputIsSplit(
      String name, int minwidth, int tabwidth, int padding, char padchar, int flags,
      String src, String expected) {
    byte[] in = goBytes(src);
    byte[] want = goBytes(expected);

    TabWriter atOnce = new TabWriter(minwidth, tabwidth, padding, padchar, flags);
    atOnce.write(in).flush();
    assertThat(atOnce.outputBytes()).as("written all at once").isEqualTo(want);

    TabWriter byteByByte = new TabWriter(minwidth, tabwidth, padding, padchar, flags);
    for (int i = 0; i < in.length; i++) {
      byteByByte.write(Arrays.copyOfRange(in, i, i + 1));
    }
    byteByByte.flush();
    assertThat(byteByByte.outputBytes()).as("written byte-by-byte").isEqualTo(want);

    TabWriter fibonacci = new TabWriter(minwidth, tabwidth, padding, padchar, flags);
    for (int i = 0, d = 0; i < in.length; ) {
      fibonacci.write(Arrays.copyOfRange(in, i, i + d));
      i += d;
      d++;
      if (i + d > in.length) {
        d = in.length - i;
      }
    }
    fibonacci.flush();
    assertThat(fibonacci.outputBytes()).as("written in fibonacci slices").isEqualTo(want);
  }

  /** liggitt/tabwriter's TestMultiWrite: widths survive flushes and can be moved or reset. */
  @Test
  void rememberWidthsKeepsColumnsAlignedAcrossFlushes() {
    TabWriter w = new TabWriter(6, 4, 3, ' ', REMEMBER_WIDTHS);
    w.write("First\tMiddle\tLast\n");
    w.write("a\tbb\tccc\n");
    w.write("ddd\teeeeeeeeeeeeee\tf\n");
    w.flush();
    assertThat(w.output())
        .isEqualTo(
            "First   Middle           Last\n"
                + "a       bb               ccc\n"
                + "ddd     eeeeeeeeeeeeee   f\n");

    w.write("g\th\ti\n").flush();
    w.write("j\t\t\n").flush();
    w.write("\tk\t\n").flush();
    w.write("\t\tl\n").flush();
    w.write("mmmmmmmmmmmmmmm\tnnn\tooo\n").flush();
    String sofar =
        "First   Middle           Last\n"
            + "a       bb               ccc\n"
            + "ddd     eeeeeeeeeeeeee   f\n"
            + "g       h                i\n"
            + "j                        \n"
            + "        k                \n"
            + "                         l\n"
            + "mmmmmmmmmmmmmmm   nnn              ooo\n";
    assertThat(w.output()).isEqualTo(sofar);

    TabWriter moved = new TabWriter(6, 4, 3, ' ', REMEMBER_WIDTHS)
        .setRememberedWidths(w.rememberedWidths());
    moved.write("p\tq\tr\n").flush();
    assertThat(moved.output()).isEqualTo("p                 q                r\n");
    assertThat(moved.rememberedWidths()).containsExactly(18, 17);

    moved.setRememberedWidths();
    moved.write("sssss\tt\tu\n").flush();
    assertThat(moved.output()).endsWith("sssss   t     u\n");
    assertThat(moved.rememberedWidths()).containsExactly(8, 6);

    moved.setRememberedWidths(10, 5, 5);
    moved.write("v\tw\tx\n").flush();
    assertThat(moved.output()).endsWith("v         w     x\n");
  }

  @Test
  void columnBlockEndsAtALineWithoutThatColumn() {
    // Go's doc example: b and c are in distinct columns because the b column is interrupted.
    TabWriter w = new TabWriter(0, 8, 1, '.', 0);
    w.write("aaaa\tbbb\td\n" + "aa\tb\tdd\n" + "a\t\n" + "aa\tcccc\teee\n").flush();
    assertThat(w.output())
        .isEqualTo("aaaa.bbb.d\n" + "aa...b...dd\n" + "a....\n" + "aa...cccc.eee\n");
  }

  @Test
  void widthsCountCodePointsNotBytesOrUtf16Units() {
    TabWriter w = new TabWriter(0, 8, 1, ' ', 0);
    w.write("\uD83D\uDE80\tx\n" + "ab\ty\n").flush(); // one supplementary character
    assertThat(w.output()).isEqualTo("\uD83D\uDE80  x\n" + "ab y\n");
  }

  @Test
  void invalidUtf8BytesCountOneEach() {
    byte[] bytes = {(byte) 0xe6, (byte) 0x9c, 'a', (byte) 0xff};
    assertThat(TabWriter.runeCount(bytes, 0, bytes.length)).isEqualTo(4);
    byte[] valid = "本a".getBytes(StandardCharsets.UTF_8);
    assertThat(TabWriter.runeCount(valid, 0, valid.length)).isEqualTo(2);
  }

  @Test
  void rejectsNegativeSettingsAndNonAsciiPadding() {
    assertThatThrownBy(() -> new TabWriter(-1, 0, 0, ' ', 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TabWriter(0, 0, 0, 'é', 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** UTF-8, except that U+00FF stands for the raw byte 0xff as in Go's "\xff". */
  private static byte[] goBytes(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == 0xff) {
                out.write(0xff);
              } else {
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
              }
            });
    return out.toByteArray();
  }
}
