package dev.kubesim.impl.program.commands;

/**
 * POSIX regular expressions (as grep, sed and awk read them) in Java's syntax: in a basic one
 * {@code \( \) \{ \} \| \+ \?} are the operators and the bare characters literal, in an extended
 * one the other way round; in a basic one {@code ^} and {@code $} anchor only at its start and end
 * (or a group's) and are literal elsewhere; bracket expressions' classes ({@code [[:space:]]}, {@code [[:digit:]]})
 * become Java's POSIX classes.
 */
public final class PosixRegex {
  private PosixRegex() {}

  /** The Java form of a basic ({@code extended} false) or extended regular expression. */
  public static String toJava(String posix, boolean extended) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < posix.length(); i++) {
      char c = posix.charAt(i);
      if (c == '[') {
        i = bracket(posix, i, out);
      } else if (c == '\\' && i + 1 < posix.length()) {
        char n = posix.charAt(++i);
        boolean operator = "(){}|+?".indexOf(n) >= 0;
        out.append(operator && !extended ? String.valueOf(n) : "\\" + n);
      } else if (!extended && "(){}|+?".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (!extended && c == '$' && !posix.startsWith("\\)", i + 1) && !posix.startsWith("\\|", i + 1)
          && i + 1 < posix.length()) {
        out.append("\\$"); // a basic RE's $ anchors only at the end (of the RE or of a group)
      } else if (!extended && c == '^' && i > 0 && !posix.startsWith("\\(", i - 2) && !posix.startsWith("\\|", i - 2)) {
        out.append("\\^"); // and its ^ only at the start
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Copies the bracket expression starting at {@code start}; returns the index of its {@code ]}. */
  private static int bracket(String s, int start, StringBuilder out) {
    int i = start + 1;
    StringBuilder body = new StringBuilder("[");
    if (i < s.length() && s.charAt(i) == '^') {
      body.append('^');
      i++;
    }
    // a ']' first in the list is a member, not the end
    if (i < s.length() && s.charAt(i) == ']') {
      body.append("\\]");
      i++;
    }
    while (i < s.length() && s.charAt(i) != ']') {
      char c = s.charAt(i);
      if (s.startsWith("[:", i) && s.indexOf(":]", i + 2) > 0) {
        int end = s.indexOf(":]", i + 2);
        body.append(javaClass(s.substring(i + 2, end)));
        i = end + 2;
        continue;
      }
      // inside brackets a backslash and Java's own specials are plain characters
      body.append(c == '\\' || c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
      i++;
    }
    if (i >= s.length()) {
      out.append("\\[");
      return start;
    }
    out.append(body).append(']');
    return i;
  }

  private static String javaClass(String name) {
    return switch (name) {
      case "alpha" -> "\\p{Alpha}";
      case "digit" -> "\\p{Digit}";
      case "alnum" -> "\\p{Alnum}";
      case "upper" -> "\\p{Upper}";
      case "lower" -> "\\p{Lower}";
      case "space" -> "\\s";
      case "blank" -> " \\t";
      case "punct" -> "\\p{Punct}";
      case "xdigit" -> "\\p{XDigit}";
      case "print" -> "\\p{Print}";
      case "graph" -> "\\p{Graph}";
      case "cntrl" -> "\\p{Cntrl}";
      default -> "";
    };
  }
}
