package dev.kubesim.api.trace;

import dev.kubesim.api.trace.TraceSequence.Arrow;
import dev.kubesim.api.trace.TraceSequence.Note;
import dev.kubesim.api.trace.TraceSequence.Participant;
import dev.kubesim.api.trace.TraceSequence.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace as a Graphviz DOT digraph, left to right: the participants of each node in a cluster
 * subgraph of that node, those outside the cluster on their own; an edge a packet's move, numbered
 * in order (red where the packet ended badly); a decision that sent nothing on as a note node tied
 * to its participant; the disposition as the graph's label. Identifiers are the participants' and
 * steps' numbers, so the same trace gives the same text.
 */
final class TraceDot {
  private TraceDot() {}

  static String render(Trace trace) {
    TraceSequence seq = TraceSequence.of(trace);
    StringBuilder b = new StringBuilder(512 + seq.steps().size() * 160);
    b.append("digraph trace {\n");
    b.append("  rankdir=LR;\n");
    b.append("  label=").append(quote(seq.title() + "\nresult: " + seq.dispositionText())).append(";\n");
    b.append("  labelloc=b;\n");
    b.append("  fontname=\"monospace\";\n");
    b.append("  node [shape=box, style=rounded, fontname=\"monospace\", fontsize=10];\n");
    b.append("  edge [fontname=\"monospace\", fontsize=9];\n");
    Map<String, List<Participant>> byNode = new LinkedHashMap<>();
    for (Participant p : seq.participants()) {
      byNode.computeIfAbsent(p.node(), n -> new ArrayList<>()).add(p);
    }
    int cluster = 0;
    for (Map.Entry<String, List<Participant>> e : byNode.entrySet()) {
      boolean outside = e.getKey().equals("-");
      String indent = outside ? "  " : "    ";
      if (!outside) {
        cluster++;
        b.append("  subgraph cluster_").append(cluster).append(" {\n");
        b.append("    label=").append(quote("node " + e.getKey())).append(";\n");
        b.append("    style=dashed;\n");
      }
      for (Participant p : e.getValue()) {
        b.append(indent).append(p.id()).append(" [label=").append(quote(p.label())).append("];\n");
      }
      if (!outside) {
        b.append("  }\n");
      }
    }
    int notes = 0;
    for (Step s : seq.steps()) {
      if (s instanceof Arrow a) {
        b.append("  ").append(a.from().id()).append(" -> ").append(a.to().id()).append(" [label=")
            .append(quote(String.join("\n", a.lines())));
        if (a.failed()) {
          b.append(", color=red, fontcolor=red");
        }
        b.append("];\n");
      } else if (s instanceof Note n) {
        notes++;
        String id = "n" + notes;
        String text = n.reason().isEmpty() ? n.headline() : n.headline() + "\n" + n.reason();
        b.append("  ").append(id).append(" [shape=note, style=filled, fillcolor=")
            .append(n.failed() ? "\"#f8d7da\", color=red" : "\"#fff8dc\"").append(", label=").append(quote(text))
            .append("];\n");
        b.append("  ").append(n.over().id()).append(" -> ").append(id).append(" [style=dashed, arrowhead=none];\n");
      }
    }
    b.append("}\n");
    return b.toString();
  }

  /** A DOT quoted string: quotes and backslashes escaped, a line break as {@code \n}. */
  static String quote(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> { }
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
