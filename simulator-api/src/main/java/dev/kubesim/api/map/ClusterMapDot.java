package dev.kubesim.api.map;

import dev.kubesim.api.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster map as a Graphviz DOT digraph, left to right: Ingresses (hexagons) → Services
 * (ellipses) → pods (boxes) inside a cluster subgraph per node, NetworkPolicies as dashed boxes
 * with dashed edges to the pods they select. The identifiers are positions in the map's lists
 * ({@code ing1}, {@code svc2}, {@code pod3}, {@code pol1}), so the same map gives the same text.
 */
final class ClusterMapDot {
  static final String HIGHLIGHT = "#e65100";

  private ClusterMapDot() {}

  static String render(ClusterMap map, MapHighlight hl) {
    StringBuilder b = new StringBuilder(1024);
    b.append("digraph cluster_map {\n");
    b.append("  rankdir=LR;\n");
    b.append("  fontname=\"monospace\";\n");
    hl.caption().ifPresent(c -> b.append("  label=").append(quote(c)).append(";\n  labelloc=t;\n"));
    b.append("  node [fontname=\"monospace\", fontsize=10];\n");
    b.append("  edge [fontname=\"monospace\", fontsize=9];\n");
    Map<ObjectRef, String> podIds = new HashMap<>();
    for (int i = 0; i < map.pods().size(); i++) {
      podIds.put(map.pods().get(i).ref(), "pod" + (i + 1));
    }
    Map<String, List<Integer>> podsByNode = new LinkedHashMap<>();
    for (ClusterMap.Node n : map.nodes()) {
      podsByNode.put(n.name(), new ArrayList<>());
    }
    List<Integer> unscheduled = new ArrayList<>();
    for (int i = 0; i < map.pods().size(); i++) {
      ClusterMap.Pod p = map.pods().get(i);
      List<Integer> on = podsByNode.get(p.node());
      (on == null ? unscheduled : on).add(i);
    }
    int cluster = 0;
    for (ClusterMap.Node n : map.nodes()) {
      cluster++;
      boolean lit = hl.touched(n.ref());
      b.append("  subgraph cluster_").append(cluster).append(" {\n");
      b.append("    label=").append(quote("node " + n.name() + (n.internalIP().isEmpty() ? "" : " " + n.internalIP())
          + (n.ready() ? "" : " (NotReady)"))).append(";\n");
      b.append("    style=").append(n.ready() ? "solid" : "dashed").append(";\n");
      if (lit) {
        b.append("    color=\"").append(HIGHLIGHT).append("\";\n    penwidth=2;\n");
      }
      for (int i : podsByNode.get(n.name())) {
        pod(b, "    ", map.pods().get(i), "pod" + (i + 1), hl);
      }
      b.append("  }\n");
    }
    for (int i : unscheduled) {
      pod(b, "  ", map.pods().get(i), "pod" + (i + 1), hl);
    }
    Map<ObjectRef, String> svcIds = new HashMap<>();
    for (int i = 0; i < map.services().size(); i++) {
      ClusterMap.Service s = map.services().get(i);
      String id = "svc" + (i + 1);
      svcIds.put(s.ref(), id);
      List<String> lines = new ArrayList<>();
      lines.add("service " + s.ref().key());
      lines.add(s.type() + (s.clusterIP().isEmpty() ? "" : " " + s.clusterIP()));
      if (!s.ports().isEmpty()) {
        lines.add(String.join(",", s.ports()));
      }
      b.append("  ").append(id).append(" [shape=ellipse, label=").append(quote(String.join("\n", lines)))
          .append(style(hl.touched(s.ref()), "#e3f2fd")).append("];\n");
    }
    for (int i = 0; i < map.ingresses().size(); i++) {
      ClusterMap.Ingress in = map.ingresses().get(i);
      b.append("  ing").append(i + 1).append(" [shape=hexagon, label=").append(quote("ingress " + in.ref().key()))
          .append(style(hl.touched(in.ref()), "#ede7f6")).append("];\n");
    }
    for (int i = 0; i < map.policies().size(); i++) {
      ClusterMap.Policy p = map.policies().get(i);
      b.append("  pol").append(i + 1).append(" [shape=box, style=dashed, label=")
          .append(quote("networkpolicy " + p.ref().key() + "\n" + String.join(",", p.policyTypes())));
      if (hl.touched(p.ref())) {
        b.append(", color=\"").append(HIGHLIGHT).append("\", penwidth=2");
      }
      b.append("];\n");
    }
    for (int i = 0; i < map.ingresses().size(); i++) {
      ClusterMap.Ingress in = map.ingresses().get(i);
      for (ClusterMap.Route r : in.routes()) {
        String svc = svcIds.get(r.service());
        if (svc != null) {
          b.append("  ing").append(i + 1).append(" -> ").append(svc).append(" [label=").append(quote(r.label() + " :" + r.port()))
              .append(edgeStyle(hl.touched(in.ref(), r.service()))).append("];\n");
        }
      }
    }
    for (ClusterMap.Service s : map.services()) {
      for (ObjectRef e : s.endpoints()) {
        String pod = podIds.get(e);
        if (pod != null) {
          b.append("  ").append(svcIds.get(s.ref())).append(" -> ").append(pod);
          if (hl.touched(s.ref(), e)) {
            b.append(" [").append(edgeStyle(true).substring(2)).append(']');
          }
          b.append(";\n");
        }
      }
    }
    for (int i = 0; i < map.policies().size(); i++) {
      ClusterMap.Policy p = map.policies().get(i);
      for (ObjectRef selected : p.selected()) {
        String pod = podIds.get(selected);
        if (pod != null) {
          b.append("  pol").append(i + 1).append(" -> ").append(pod).append(" [style=dashed, arrowhead=none")
              .append(edgeStyle(hl.touched(p.ref(), selected))).append("];\n");
        }
      }
    }
    b.append("}\n");
    return b.toString();
  }

  private static void pod(StringBuilder b, String indent, ClusterMap.Pod p, String id, MapHighlight hl) {
    String label = p.ref().key() + "\n" + (p.ip().isEmpty() ? "no IP" : p.ip()) + (p.ready() ? " ready" : " not ready");
    b.append(indent).append(id).append(" [shape=box, label=").append(quote(label))
        .append(style(hl.touched(p.ref()), p.ready() ? "#e8f5e9" : "#fff3e0")).append("];\n");
  }

  private static String style(boolean lit, String fill) {
    return ", style=filled, fillcolor=\"" + fill + "\"" + (lit ? ", color=\"" + HIGHLIGHT + "\", penwidth=3" : "");
  }

  private static String edgeStyle(boolean lit) {
    return lit ? ", color=\"" + HIGHLIGHT + "\", penwidth=3" : "";
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
