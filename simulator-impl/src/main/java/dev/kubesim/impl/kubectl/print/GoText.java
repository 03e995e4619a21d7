package dev.kubesim.impl.kubectl.print;

import com.google.common.base.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IllegalFormatException;

/**
 * Small pieces of Go string behaviour that kubectl's printing relies on and Java does differently:
 * {@code fmt.Sprintf}/{@code Sprintln}, byte-wise string ordering, byte lengths and the terminal
 * escaping of cli-runtime's {@code WriteEscaped}.
 */
final class GoText {
  /**
   * Go's {@code sort.Strings} order: byte-wise over UTF-8, which is code point order (Java's
   * {@code compareTo} compares UTF-16 units and differs above U+FFFF).
   */
  static final Comparator<String> BYTE_ORDER = GoText::compareCodePoints;

  private GoText() {}

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /**
   * A subset of Go's {@code fmt.Sprintf}: the verbs {@code %s}, {@code %v}, {@code %d} (with
   * Java-compatible flags and width) and {@code %%}. {@code %v} and {@code %s} print a null as
   * Go prints a nil value, {@code <nil>}.
   *
   * @throws IllegalArgumentException for other verbs or a wrong number of arguments
   */
  static String sprintf(String format, Object... args) {
    StringBuilder sb = new StringBuilder(format.length() + 16);
    int argIndex = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '%') {
        sb.append(c);
        i++;
        continue;
      }
      int start = i++;
      // flags and width, e.g. %-10s; Go and Java agree on these for s and d
      while (i < format.length() && "-+ #0123456789.".indexOf(format.charAt(i)) >= 0) {
        i++;
      }
      if (i >= format.length()) {
        throw new IllegalArgumentException("unterminated verb in format: " + format);
      }
      char verb = format.charAt(i++);
      String spec = format.substring(start + 1, i - 1);
      if (verb == '%') {
        sb.append('%');
        continue;
      }
      if (verb != 's' && verb != 'v' && verb != 'd') {
        throw new IllegalArgumentException("unsupported verb %" + verb + " in format: " + format);
      }
      if (argIndex >= args.length) {
        throw new IllegalArgumentException("missing argument for %" + verb + " in: " + format);
      }
      Object arg = args[argIndex++];
      try {
        if (verb == 'd') {
          sb.append(String.format("%" + spec + "d", arg));
        } else {
          sb.append(String.format("%" + spec + "s", arg == null ? "<nil>" : arg));
        }
      } catch (IllegalFormatException e) {
        throw new IllegalArgumentException("bad argument for %" + spec + verb + ": " + arg, e);
      }
    }
    if (argIndex != args.length) {
      throw new IllegalArgumentException(
          "extra arguments " + Arrays.toString(Arrays.copyOfRange(args, argIndex, args.length))
              + " for format: " + format);
    }
    return sb.toString();
  }

  /** Go's {@code fmt.Sprintln}: operands as {@code %v}, always space-separated, then a newline. */
  static String sprintln(Object... args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(args[i] == null ? "<nil>" : args[i]);
    }
    return sb.append('\n').toString();
  }

  /**
   * cli-runtime's {@code EscapeTerminal}: ESC becomes {@code ^[} and CR becomes {@code \r}, so
   * object contents cannot drive the user's terminal.
   */
  static String escapeTerminal(String s) {
    if (s.indexOf('\u001b') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\u001b", "^[").replace("\r", "\\r");
  }

  /** Go's {@code len} of a string: its length in UTF-8 bytes. */
  static int byteLength(String s) {
    return Utf8.encodedLength(s);
  }

  /**
   * Go's {@code s[:n]} on a string longer than n bytes. Cutting inside a multi-byte character
   * leaves a partial sequence, which Java decodes as U+FFFD where Go would emit the raw bytes.
   */
  static String byteHead(String s, int n) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return new String(bytes, 0, Math.min(n, bytes.length), StandardCharsets.UTF_8);
  }
}
