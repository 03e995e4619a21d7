package dev.kubesim.api.trace;

import dev.kubesim.api.trace.TraceSequence.Arrow;
import dev.kubesim.api.trace.TraceSequence.Note;
import dev.kubesim.api.trace.TraceSequence.Participant;
import dev.kubesim.api.trace.TraceSequence.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace as a self-contained SVG sequence diagram, laid out here: a lifeline a participant, an
 * arrow with its label a packet's move (red and crossed where it ended badly), a box a decision
 * that sent nothing on (red for a drop or refusal, with its reason), the disposition as a footer.
 * Inline styles only, no scripts, no fonts or images fetched; integer coordinates computed from
 * the text's length, so the same trace gives the same bytes. The picture grows downwards with the
 * steps, so hundreds of hops stay readable.
 */
final class TraceSvg {
  private static final int CHAR = 7; // width of a character of the 11px monospace font, rounded up
  private static final int LINE = 14;
  private static final int MARGIN = 20;
  private static final int HEAD = 30;
  /** The longest line of the title, a note or the footer. */
  private static final int WRAP = 90;
  /** The longest line of an arrow's label: narrower keeps the lifelines close, so the picture stays readable when scaled to a page. */
  private static final int ARROW_WRAP = 52;
  /** The longest line of a note. */
  private static final int NOTE_WRAP = 64;

  private TraceSvg() {}

  static String render(Trace trace) {
    TraceSequence seq = TraceSequence.of(trace);
    List<Participant> ps = seq.participants();
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < ps.size(); i++) {
      column.put(ps.get(i).id(), i);
    }
    int[] x = layoutColumns(seq, column);
    // notes and boxes may reach left of the first lifeline and right of the last
    int left = MARGIN;
    int right = 0;
    for (int i = 0; i < ps.size(); i++) {
      int half = boxWidth(ps.get(i).label()) / 2;
      left = Math.max(left, MARGIN + half - x[i]);
      right = Math.max(right, x[i] + half);
    }
    for (Step s : seq.steps()) {
      if (s instanceof Note n) {
        int i = column.get(n.over().id());
        int half = noteWidth(n) / 2;
        left = Math.max(left, MARGIN + half - x[i]);
        right = Math.max(right, x[i] + half);
      }
    }
    for (int i = 0; i < x.length; i++) {
      x[i] += left;
    }
    right += left;
    List<String> footer = new ArrayList<>(wrap("result: " + seq.dispositionText()));
    List<String> title = wrap(seq.title());
    for (String line : footer) {
      right = Math.max(right, MARGIN + line.length() * CHAR);
    }
    for (String line : title) {
      right = Math.max(right, MARGIN + line.length() * CHAR);
    }
    int width = right + MARGIN;

    StringBuilder body = new StringBuilder(1024 + seq.steps().size() * 400);
    int y = MARGIN;
    for (String line : title) {
      y += LINE;
      text(body, MARGIN, y, line, "font-weight:bold");
    }
    int headTop = y + 10;
    int lifelineTop = headTop + HEAD;
    y = lifelineTop + 16;
    StringBuilder steps = new StringBuilder();
    for (Step s : seq.steps()) {
      if (s instanceof Arrow a) {
        y = drawArrow(steps, a, x[column.get(a.from().id())], x[column.get(a.to().id())], y);
      } else if (s instanceof Note n) {
        y = drawNote(steps, n, x[column.get(n.over().id())], y);
      }
    }
    int lifelineBottom = y + 6;
    for (int i = 0; i < ps.size(); i++) {
      body.append("<line x1=\"").append(x[i]).append("\" y1=\"").append(lifelineTop).append("\" x2=\"").append(x[i])
          .append("\" y2=\"").append(lifelineBottom).append("\" style=\"stroke:#999;stroke-dasharray:4 4\"/>\n");
    }
    for (int i = 0; i < ps.size(); i++) {
      head(body, ps.get(i), x[i], headTop);
    }
    body.append(steps);
    y = lifelineBottom + 10;
    boolean delivered = seq.disposition().kind() == Disposition.Kind.DELIVERED;
    body.append("<rect x=\"").append(MARGIN - 6).append("\" y=\"").append(y).append("\" width=\"")
        .append(width - 2 * MARGIN + 12).append("\" height=\"").append(footer.size() * LINE + 10)
        .append("\" style=\"fill:").append(delivered ? "#e6f4ea;stroke:#2e7d32" : "#fde8e8;stroke:#c62828")
        .append("\"/>\n");
    for (String line : footer) {
      y += LINE;
      text(body, MARGIN, y, line, delivered ? "fill:#1b5e20" : "fill:#b71c1c");
    }
    int height = y + 10 + MARGIN;

    StringBuilder b = new StringBuilder(body.length() + 512);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" style=\"font-family:monospace;font-size:11px;background:#fff\">\n");
    b.append("<title>").append(SvgText.escape(seq.title())).append("</title>\n");
    b.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" style=\"fill:#fff\"/>\n");
    b.append(body);
    b.append("</svg>\n");
    return b.toString();
  }

  /** Lifeline positions: apart enough for the boxes, then widened until every arrow's label fits. */
  private static int[] layoutColumns(TraceSequence seq, Map<String, Integer> column) {
    List<Participant> ps = seq.participants();
    int[] x = new int[ps.size()];
    for (int i = 1; i < ps.size(); i++) {
      x[i] = x[i - 1] + (boxWidth(ps.get(i - 1).label()) + boxWidth(ps.get(i).label())) / 2 + 30;
    }
    List<Arrow> arrows = new ArrayList<>(seq.arrows());
    // the narrow arrows first, so a wide one spreads over columns already apart
    arrows.sort(Comparator.comparingInt((Arrow a) -> Math.abs(column.get(a.to().id()) - column.get(a.from().id())))
        .thenComparingInt(Arrow::number));
    for (Arrow a : arrows) {
      int from = column.get(a.from().id());
      int to = column.get(a.to().id());
      int lo = Math.min(from, to);
      int hi = Math.max(from, to);
      int need = arrowLines(a).stream().mapToInt(String::length).max().orElse(0) * CHAR + 24;
      int gap = x[hi] - x[lo];
      if (gap < need) {
        int extra = need - gap;
        for (int i = hi; i < x.length; i++) {
          x[i] += extra;
        }
      }
    }
    return x;
  }

  private static int boxWidth(String label) {
    return Math.max(120, label.length() * CHAR + 16);
  }

  private static int noteWidth(Note n) {
    return noteLines(n).stream().mapToInt(String::length).max().orElse(0) * CHAR + 16;
  }

  private static List<String> noteLines(Note n) {
    List<String> lines = new ArrayList<>(SvgText.wrap((n.failed() ? "\u2716 " : "") + n.headline(), NOTE_WRAP));
    if (!n.reason().isEmpty()) {
      lines.addAll(SvgText.wrap(n.reason(), NOTE_WRAP));
    }
    return lines;
  }

  private static void head(StringBuilder b, Participant p, int x, int top) {
    int w = boxWidth(p.label());
    b.append("<rect x=\"").append(x - w / 2).append("\" y=\"").append(top).append("\" width=\"").append(w)
        .append("\" height=\"").append(HEAD).append("\" rx=\"4\" style=\"fill:#e8eef9;stroke:#3b5b9a\"/>\n");
    text(b, x, top + 19, p.label(), "text-anchor:middle");
  }

  private static int drawArrow(StringBuilder b, Arrow a, int x1, int x2, int y) {
    List<String> lines = arrowLines(a);
    String color = a.failed() ? "#c62828" : "#222";
    int labelX = Math.min(x1, x2) + 12;
    for (String line : lines) {
      y += LINE;
      text(b, labelX, y, line, a.failed() ? "fill:#c62828" : "");
    }
    y += 6;
    int dir = x2 > x1 ? 1 : -1;
    int tip = x2 - dir * 2;
    b.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(tip).append("\" y2=\"")
        .append(y).append("\" style=\"stroke:").append(color).append(";stroke-width:1.5\"/>\n");
    if (a.failed()) {
      int c = x2 - dir * 8;
      b.append("<path d=\"M").append(c - 5).append(' ').append(y - 5).append(" L").append(c + 5).append(' ').append(y + 5)
          .append(" M").append(c - 5).append(' ').append(y + 5).append(" L").append(c + 5).append(' ').append(y - 5)
          .append("\" style=\"stroke:").append(color).append(";stroke-width:2\"/>\n");
    } else {
      b.append("<polygon points=\"").append(tip).append(',').append(y).append(' ').append(tip - dir * 9).append(',')
          .append(y - 4).append(' ').append(tip - dir * 9).append(',').append(y + 4).append("\" style=\"fill:")
          .append(color).append("\"/>\n");
    }
    return y + 8;
  }

  private static int drawNote(StringBuilder b, Note n, int x, int y) {
    List<String> lines = noteLines(n);
    int w = noteWidth(n);
    int h = lines.size() * LINE + 8;
    y += 4;
    b.append("<rect x=\"").append(x - w / 2).append("\" y=\"").append(y).append("\" width=\"").append(w)
        .append("\" height=\"").append(h).append("\" style=\"")
        .append(n.failed() ? "fill:#fde8e8;stroke:#c62828" : "fill:#fff8dc;stroke:#b8a600").append("\"/>\n");
    int ty = y + 2;
    for (int i = 0; i < lines.size(); i++) {
      ty += LINE;
      String style = n.failed() ? "fill:#b71c1c" : "";
      if (i == 0) {
        style += (style.isEmpty() ? "" : ";") + "font-weight:bold";
      }
      text(b, x - w / 2 + 8, ty, lines.get(i), style);
    }
    return y + h + 6;
  }

  private static void text(StringBuilder b, int x, int y, String text, String style) {
    b.append("<text x=\"").append(x).append("\" y=\"").append(y).append('"');
    if (!style.isEmpty()) {
      b.append(" style=\"").append(style).append('"');
    }
    b.append(" xml:space=\"preserve\">").append(SvgText.escape(text)).append("</text>\n");
  }

  /** An arrow's label lines, each wrapped, the continuations indented. */
  private static List<String> arrowLines(Arrow a) {
    List<String> lines = new ArrayList<>();
    for (String line : a.lines()) {
      List<String> parts = SvgText.wrap(line, ARROW_WRAP);
      lines.add(parts.get(0));
      for (String more : parts.subList(1, parts.size())) {
        lines.add("   " + more);
      }
    }
    return lines;
  }

  /** Lines of at most {@value #WRAP} characters, broken at spaces where there is one. */
  static List<String> wrap(String text) {
    return SvgText.wrap(text, WRAP);
  }


}
