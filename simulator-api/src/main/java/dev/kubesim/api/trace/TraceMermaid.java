package dev.kubesim.api.trace;

import dev.kubesim.api.trace.TraceSequence.Arrow;
import dev.kubesim.api.trace.TraceSequence.Note;
import dev.kubesim.api.trace.TraceSequence.Participant;
import dev.kubesim.api.trace.TraceSequence.Step;
import java.util.List;

/**
 * A trace as a Mermaid {@code sequenceDiagram}: a participant a lifeline, an arrow a packet's move
 * (crossed, {@code -x}, where it ended badly), a note a decision that did not send a packet on, and
 * the disposition as a note across every lifeline.
 */
final class TraceMermaid {
  private TraceMermaid() {}

  static String render(Trace trace) {
    TraceSequence seq = TraceSequence.of(trace);
    StringBuilder b = new StringBuilder(256 + seq.steps().size() * 120);
    b.append("sequenceDiagram\n");
    b.append("  title ").append(escape(seq.title())).append('\n');
    for (Participant p : seq.participants()) {
      b.append("  participant ").append(p.id()).append(" as ").append(escape(p.label())).append('\n');
    }
    for (Step s : seq.steps()) {
      if (s instanceof Arrow a) {
        b.append("  ").append(a.from().id()).append(a.failed() ? "-x" : "->>").append(a.to().id()).append(": ")
            .append(joinEscaped(a.lines())).append('\n');
      } else if (s instanceof Note n) {
        b.append("  Note over ").append(n.over().id()).append(": ").append(n.failed() ? "\u274c " : "")
            .append(escape(n.headline()));
        if (!n.reason().isEmpty()) {
          b.append("<br/>").append(escape(n.reason()));
        }
        b.append('\n');
      }
    }
    List<Participant> ps = seq.participants();
    if (!ps.isEmpty()) {
      b.append("  Note over ").append(ps.get(0).id());
      if (ps.size() > 1) {
        b.append(',').append(ps.get(ps.size() - 1).id());
      }
      b.append(": result: ").append(escape(seq.dispositionText())).append('\n');
    }
    return b.toString();
  }

  private static String joinEscaped(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      if (b.length() > 0) {
        b.append("<br/>");
      }
      b.append(escape(line));
    }
    return b.toString();
  }

  /**
   * Mermaid's entity codes for what its grammar or its HTML labels would take as syntax: {@code #}
   * starts an entity, {@code ;} ends a statement, {@code <>&"} are HTML, a line break ends the message.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '#' -> b.append("#35;");
        case ';' -> b.append("#59;");
        case '<' -> b.append("#lt;");
        case '>' -> b.append("#gt;");
        case '&' -> b.append("#amp;");
        case '"' -> b.append("#quot;");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
