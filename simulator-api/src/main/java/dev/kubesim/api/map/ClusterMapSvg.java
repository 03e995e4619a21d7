package dev.kubesim.api.map;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.SvgText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster map as a self-contained SVG, laid out here in columns: Ingresses, Services (ellipses),
 * nodes (boxes holding their pods), NetworkPolicies (dashed boxes). The nodes stack in name order;
 * every other shape goes as near as it can to the middle of what it points at (a Service to its
 * endpoints, an Ingress to its Services, a policy to its pods) without overlapping the one above.
 * Inline styles only, integer coordinates from the text's length: the same map gives the same bytes.
 * An object's shape carries {@code data-ref} and an edge's line and head {@code data-from}/{@code
 * data-to}, named as {@link MapStep} names them, so that a page marks a hop without any layout.
 */
final class ClusterMapSvg {
  private static final int CHAR = 7; // width of a character of the 11px monospace font, rounded up
  private static final int LINE = 14;
  private static final int MARGIN = 20;
  private static final int COLUMN_GAP = 90;
  private static final int GAP = 14;
  private static final int POD_HEIGHT = 2 * LINE + 10;
  private static final int NODE_HEADER = 26;
  private static final String HIGHLIGHT = ClusterMapDot.HIGHLIGHT;

  /** A laid-out shape: its box and the text lines it shows. */
  private static final class Shape {
    final List<String> lines;
    int width;
    final int height;
    int x;
    int y;

    Shape(List<String> lines, int width, int height) {
      this.lines = lines;
      this.width = width;
      this.height = height;
    }

    int middle() {
      return y + height / 2;
    }
  }

  private ClusterMapSvg() {}

  static String render(ClusterMap map, MapHighlight hl) {
    int top = MARGIN;
    List<String> caption = new ArrayList<>();
    caption.add("cluster map: " + count(map.nodes(), "node") + ", " + count(map.pods(), "pod") + ", "
        + count(map.services(), "service") + ", " + count(map.ingresses(), "ingress") + ", "
        + count(map.policies(), "network policy"));
    hl.caption().ifPresent(c -> caption.addAll(SvgText.wrap(c, 110)));
    top += caption.size() * LINE + 16;

    // the nodes with their pods, and the pods not bound to a node yet in a box of their own
    Map<String, List<ClusterMap.Pod>> byNode = new LinkedHashMap<>();
    for (ClusterMap.Node n : map.nodes()) {
      byNode.put(n.name(), new ArrayList<>());
    }
    List<ClusterMap.Pod> unbound = new ArrayList<>();
    for (ClusterMap.Pod p : map.pods()) {
      List<ClusterMap.Pod> on = byNode.get(p.node());
      (on == null ? unbound : on).add(p);
    }
    Map<ObjectRef, Shape> pods = new HashMap<>();
    for (ClusterMap.Pod p : map.pods()) {
      List<String> lines = List.of(p.ref().key(), (p.ip().isEmpty() ? "no IP" : p.ip()) + (p.ready() ? "  ready" : "  not ready"));
      pods.put(p.ref(), new Shape(lines, textWidth(lines) + 16, POD_HEIGHT));
    }
    List<Shape> nodeBoxes = new ArrayList<>();
    List<List<ClusterMap.Pod>> nodePods = new ArrayList<>();
    List<ClusterMap.Node> nodeOf = new ArrayList<>();
    for (ClusterMap.Node n : map.nodes()) {
      String header = "node " + n.name() + (n.internalIP().isEmpty() ? "" : "  " + n.internalIP()) + (n.ready() ? "" : "  NotReady");
      nodeBoxes.add(nodeBox(header, byNode.get(n.name()), pods));
      nodePods.add(byNode.get(n.name()));
      nodeOf.add(n);
    }
    if (!unbound.isEmpty()) {
      nodeBoxes.add(nodeBox("not scheduled", unbound, pods));
      nodePods.add(unbound);
      nodeOf.add(null);
    }

    Map<ObjectRef, Shape> services = new HashMap<>();
    List<Shape> serviceShapes = new ArrayList<>();
    for (ClusterMap.Service s : map.services()) {
      List<String> lines = new ArrayList<>();
      lines.add("service " + s.ref().key());
      lines.add(s.type() + (s.clusterIP().isEmpty() ? "" : " " + s.clusterIP()));
      if (!s.ports().isEmpty()) {
        lines.add(String.join(",", s.ports()));
      }
      Shape shape = new Shape(lines, textWidth(lines) + 44, lines.size() * LINE + 22);
      services.put(s.ref(), shape);
      serviceShapes.add(shape);
    }
    List<Shape> ingressShapes = new ArrayList<>();
    for (ClusterMap.Ingress in : map.ingresses()) {
      List<String> lines = new ArrayList<>();
      lines.add("ingress " + in.ref().key());
      for (ClusterMap.Route r : in.routes()) {
        lines.add(r.label() + " \u2192 " + r.service().name() + ":" + r.port());
      }
      ingressShapes.add(new Shape(lines, textWidth(lines) + 16, lines.size() * LINE + 10));
    }
    List<Shape> policyShapes = new ArrayList<>();
    for (ClusterMap.Policy p : map.policies()) {
      List<String> lines = List.of("networkpolicy " + p.ref().key(), "isolates " + String.join(", ", p.policyTypes())
          + " of " + p.selected().size() + (p.selected().size() == 1 ? " pod" : " pods"));
      policyShapes.add(new Shape(lines, textWidth(lines) + 16, lines.size() * LINE + 10));
    }

    // columns, left to right
    int x = MARGIN;
    x = column(ingressShapes, x);
    x = column(serviceShapes, x);
    // the nodes' boxes as wide as the widest, so that their pods line up
    int nodesWidth = nodeBoxes.stream().mapToInt(s -> s.width).max().orElse(0);
    nodeBoxes.forEach(s -> s.width = nodesWidth);
    x = column(nodeBoxes, x);
    x = column(policyShapes, x);
    int width = Math.max(x - COLUMN_GAP + MARGIN, MARGIN * 2 + caption.stream().mapToInt(String::length).max().orElse(0) * CHAR);

    // rows: nodes stacked; each pod inside its node
    int y = top;
    for (int i = 0; i < nodeBoxes.size(); i++) {
      Shape box = nodeBoxes.get(i);
      box.y = y;
      int py = y + NODE_HEADER;
      for (ClusterMap.Pod p : nodePods.get(i)) {
        Shape s = pods.get(p.ref());
        s.x = box.x + 10;
        s.y = py;
        py += POD_HEIGHT + 8;
      }
      y += box.height + GAP;
    }
    List<Integer> serviceWants = new ArrayList<>();
    for (ClusterMap.Service s : map.services()) {
      serviceWants.add(middleOf(s.endpoints().stream().map(pods::get).toList(), top));
    }
    place(serviceShapes, serviceWants, top);
    List<Integer> ingressWants = new ArrayList<>();
    for (ClusterMap.Ingress in : map.ingresses()) {
      ingressWants.add(middleOf(in.routes().stream().map(r -> services.get(r.service())).toList(), top));
    }
    place(ingressShapes, ingressWants, top);
    List<Integer> policyWants = new ArrayList<>();
    for (ClusterMap.Policy p : map.policies()) {
      policyWants.add(middleOf(p.selected().stream().map(pods::get).toList(), top));
    }
    place(policyShapes, policyWants, top);
    int bottom = top;
    for (List<Shape> col : List.of(nodeBoxes, serviceShapes, ingressShapes, policyShapes)) {
      for (Shape s : col) {
        bottom = Math.max(bottom, s.y + s.height);
      }
    }
    int height = bottom + MARGIN;

    StringBuilder b = new StringBuilder(4096);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" style=\"font-family:monospace;font-size:11px;background:#fff\">\n");
    b.append("<title>").append(SvgText.escape(caption.get(0))).append("</title>\n");
    b.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" style=\"fill:#fff\"/>\n");
    int cy = MARGIN;
    for (int i = 0; i < caption.size(); i++) {
      cy += LINE;
      text(b, MARGIN, cy, caption.get(i), i == 0 ? "font-weight:bold" : hl.failed() ? "fill:#b71c1c" : "fill:" + HIGHLIGHT);
    }
    for (int i = 0; i < nodeBoxes.size(); i++) {
      Shape box = nodeBoxes.get(i);
      ClusterMap.Node n = nodeOf.get(i);
      boolean lit = n != null && hl.touched(n.ref());
      boolean solid = n != null && n.ready();
      rect(b, box, 6, n == null ? "" : n.ref().toString(), "fill:#f5f5f5;stroke:" + (lit ? HIGHLIGHT + ";stroke-width:3" : "#616161;stroke-width:1.5")
          + (solid ? "" : ";stroke-dasharray:6 4"));
      text(b, box.x + 10, box.y + 17, box.lines.get(0), "font-weight:bold");
    }
    for (ClusterMap.Pod p : map.pods()) {
      Shape s = pods.get(p.ref());
      boolean lit = hl.touched(p.ref());
      rect(b, s, 4, p.ref().toString(), "fill:" + (p.ready() ? "#e8f5e9" : "#fff3e0") + ";stroke:"
          + (lit ? HIGHLIGHT + ";stroke-width:3" : p.ready() ? "#2e7d32" : "#ef6c00"));
      lines(b, s, s.x + 8, s.y + 4);
    }
    for (int i = 0; i < map.services().size(); i++) {
      Shape s = serviceShapes.get(i);
      boolean lit = hl.touched(map.services().get(i).ref());
      b.append("<ellipse cx=\"").append(s.x + s.width / 2).append("\" cy=\"").append(s.middle()).append("\" rx=\"")
          .append(s.width / 2).append("\" ry=\"").append(s.height / 2).append('"');
      dataRef(b, map.services().get(i).ref().toString());
      b.append(" style=\"fill:#e3f2fd;stroke:")
          .append(lit ? HIGHLIGHT + ";stroke-width:3" : "#1565c0").append("\"/>\n");
      int ty = s.y + 11;
      for (String line : s.lines) {
        ty += LINE;
        text(b, s.x + s.width / 2, ty - 3, line, "text-anchor:middle");
      }
    }
    for (int i = 0; i < map.ingresses().size(); i++) {
      Shape s = ingressShapes.get(i);
      boolean lit = hl.touched(map.ingresses().get(i).ref());
      rect(b, s, 10, map.ingresses().get(i).ref().toString(), "fill:#ede7f6;stroke:" + (lit ? HIGHLIGHT + ";stroke-width:3" : "#4527a0"));
      lines(b, s, s.x + 8, s.y + 2);
    }
    for (int i = 0; i < map.policies().size(); i++) {
      Shape s = policyShapes.get(i);
      boolean lit = hl.touched(map.policies().get(i).ref());
      rect(b, s, 0, map.policies().get(i).ref().toString(), "fill:#fffde7;stroke-dasharray:5 3;stroke:" + (lit ? HIGHLIGHT + ";stroke-width:3" : "#9e9d24"));
      lines(b, s, s.x + 8, s.y + 2);
    }
    // the edges after the shapes, the highlighted ones last, so that they are on top
    List<String> plain = new ArrayList<>();
    List<String> lit = new ArrayList<>();
    for (int i = 0; i < map.ingresses().size(); i++) {
      ClusterMap.Ingress in = map.ingresses().get(i);
      Shape from = ingressShapes.get(i);
      for (ClusterMap.Service svc : map.services()) {
        if (in.routes().stream().anyMatch(r -> r.service().equals(svc.ref()))) {
          boolean on = hl.touched(in.ref(), svc.ref());
          (on ? lit : plain).add(arrow(from, services.get(svc.ref()), in.ref(), svc.ref(), on, false));
        }
      }
    }
    for (ClusterMap.Service svc : map.services()) {
      for (ObjectRef e : svc.endpoints()) {
        Shape to = pods.get(e);
        if (to != null) {
          boolean on = hl.touched(svc.ref(), e);
          (on ? lit : plain).add(arrow(services.get(svc.ref()), to, svc.ref(), e, on, false));
        }
      }
    }
    for (int i = 0; i < map.policies().size(); i++) {
      ClusterMap.Policy p = map.policies().get(i);
      for (ObjectRef selected : p.selected()) {
        Shape pod = pods.get(selected);
        if (pod != null) {
          boolean on = hl.touched(p.ref(), selected);
          (on ? lit : plain).add(arrow(pod, policyShapes.get(i), selected, p.ref(), on, true));
        }
      }
    }
    plain.forEach(b::append);
    lit.forEach(b::append);
    b.append("</svg>\n");
    return b.toString();
  }

  /** {@code 3 nodes}, {@code 1 ingress}, {@code 2 network policies}. */
  private static String count(List<?> items, String noun) {
    int n = items.size();
    if (n == 1) {
      return "1 " + noun;
    }
    String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun.endsWith("s") ? noun + "es" : noun + "s";
    return n + " " + plural;
  }

  private static Shape nodeBox(String header, List<ClusterMap.Pod> members, Map<ObjectRef, Shape> pods) {
    int w = header.length() * CHAR + 20;
    int h = NODE_HEADER + 6;
    for (ClusterMap.Pod p : members) {
      w = Math.max(w, pods.get(p.ref()).width + 20);
      h += POD_HEIGHT + 8;
    }
    return new Shape(List.of(header), Math.max(w, 180), h);
  }

  /** Places a column's shapes at x, each as wide as the widest; returns where the next column starts. */
  private static int column(List<Shape> shapes, int x) {
    if (shapes.isEmpty()) {
      return x;
    }
    int w = 0;
    for (Shape s : shapes) {
      w = Math.max(w, s.width);
    }
    for (Shape s : shapes) {
      s.x = x + (w - s.width) / 2;
    }
    return x + w + COLUMN_GAP;
  }

  /** The middle of what a shape points at, where it would like to be; the top when it points at nothing. */
  private static int middleOf(List<Shape> targets, int top) {
    int sum = 0;
    int n = 0;
    for (Shape t : targets) {
      if (t != null) {
        sum += t.middle();
        n++;
      }
    }
    return n == 0 ? top : sum / n;
  }

  /** Each shape as near its wish as it can be, in the order of the wishes, none overlapping the one above. */
  private static void place(List<Shape> shapes, List<Integer> wants, int top) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> wants.get(i)).thenComparingInt(i -> i));
    int next = top;
    for (int i : order) {
      Shape s = shapes.get(i);
      s.y = Math.max(next, wants.get(i) - s.height / 2);
      next = s.y + s.height + GAP;
    }
  }

  /**
   * A curve from the right side of one shape to the left side of another, with a head, or dashed without one; both parts name
   * the edge's ends as {@link MapStep.Edge} does, for a viewer to find it by.
   */
  private static String arrow(Shape from, Shape to, ObjectRef fromRef, ObjectRef toRef, boolean lit, boolean dashed) {
    int x1 = from.x + from.width;
    int y1 = from.middle();
    int x2 = to.x;
    int y2 = to.middle();
    int bend = Math.max(20, (x2 - x1) / 2);
    String color = lit ? HIGHLIGHT : dashed ? "#9e9d24" : "#546e7a";
    StringBuilder b = new StringBuilder();
    b.append("<path d=\"M").append(x1).append(' ').append(y1).append(" C").append(x1 + bend).append(' ').append(y1)
        .append(' ').append(x2 - bend).append(' ').append(y2).append(' ').append(dashed ? x2 : x2 - 8).append(' ').append(y2)
        .append("\" style=\"fill:none;stroke:").append(color).append(lit ? ";stroke-width:3" : ";stroke-width:1.2")
        .append(dashed ? ";stroke-dasharray:5 3" : "").append('"');
    edgeData(b, fromRef, toRef);
    b.append("/>\n");
    if (!dashed) {
      b.append("<polygon points=\"").append(x2).append(',').append(y2).append(' ').append(x2 - 9).append(',').append(y2 - 4)
          .append(' ').append(x2 - 9).append(',').append(y2 + 4).append("\" style=\"fill:").append(color).append('"');
      edgeData(b, fromRef, toRef);
      b.append("/>\n");
    }
    return b.toString();
  }

  private static void edgeData(StringBuilder b, ObjectRef from, ObjectRef to) {
    b.append(" data-from=\"").append(SvgText.escape(from.toString())).append("\" data-to=\"")
        .append(SvgText.escape(to.toString())).append('"');
  }

  private static void rect(StringBuilder b, Shape s, int radius, String ref, String style) {
    b.append("<rect x=\"").append(s.x).append("\" y=\"").append(s.y).append("\" width=\"").append(s.width)
        .append("\" height=\"").append(s.height).append('"');
    if (radius > 0) {
      b.append(" rx=\"").append(radius).append('"');
    }
    dataRef(b, ref);
    b.append(" style=\"").append(style).append("\"/>\n");
  }

  /** The object a shape draws, as {@link MapStep#at()} names it, for a viewer to find the shape by. */
  private static void dataRef(StringBuilder b, String ref) {
    if (!ref.isEmpty()) {
      b.append(" data-ref=\"").append(SvgText.escape(ref)).append('"');
    }
  }

  private static void lines(StringBuilder b, Shape s, int x, int y) {
    for (int i = 0; i < s.lines.size(); i++) {
      y += LINE;
      text(b, x, y, s.lines.get(i), i == 0 ? "font-weight:bold" : "");
    }
  }

  private static int textWidth(List<String> lines) {
    return lines.stream().mapToInt(String::length).max().orElse(0) * CHAR;
  }

  private static void text(StringBuilder b, int x, int y, String text, String style) {
    b.append("<text x=\"").append(x).append("\" y=\"").append(y).append('"');
    if (!style.isEmpty()) {
      b.append(" style=\"").append(style).append('"');
    }
    b.append(" xml:space=\"preserve\">").append(SvgText.escape(text)).append("</text>\n");
  }


}
