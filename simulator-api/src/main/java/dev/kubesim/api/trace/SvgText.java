package dev.kubesim.api.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Text in kubesim's own SVG pictures (the trace's sequence diagram, the cluster map): XML escaping
 * and line wrapping, shared so every picture escapes and wraps alike.
 */
public final class SvgText {
  private SvgText() {}

  /**
   * XML's five entities escaped, and the control characters XML 1.0 does not allow dropped.
   *
   * @param text any text
   * @return the text, safe in an SVG element or attribute
   */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * Lines of at most {@code width} characters, broken at spaces where there is one (newlines read
   * as spaces).
   *
   * @param text any text
   * @param width the longest line, in characters
   * @return the lines, at least one
   */
  public static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = text.replace('\n', ' ');
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      lines.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
    return lines;
  }
}
