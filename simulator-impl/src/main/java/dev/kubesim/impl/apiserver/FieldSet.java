package dev.kubesim.impl.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A set of field paths, as structured-merge-diff's {@code fieldpath.Set} holds what a manager owns:
 * each path names a scalar, an atomic list or map, an item of a keyed list or set, or a map that
 * was added whole. Paths are kept in the order structured-merge-diff iterates them (at each level
 * the members before the deeper paths, each group in element order), which is the order conflicts
 * are reported in. Immutable.
 */
public final class FieldSet {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * One step of a path: a field name ({@code f:}), a list item by its key fields ({@code k:}), a
   * set's value ({@code v:}) or a list index ({@code i:}).
   *
   * @param type the kind of step, in structured-merge-diff's order: 0 field, 1 key, 2 value, 3 index
   * @param text the field name, the key fields as compact JSON with sorted names, the value as
   *     JSON, or the index
   */
  public record Element(int type, String text) implements Comparable<Element> {
    /** A field name. */
    public static Element field(String name) {
      return new Element(0, name);
    }

    /** A keyed list's item, by its key fields (written in name order). */
    public static Element key(Map<String, JsonNode> fields) {
      ObjectNode o = JSON.objectNode();
      new TreeMap<>(fields).forEach(o::set);
      return new Element(1, o.toString());
    }

    /** A set's item, by its value. */
    public static Element value(JsonNode value) {
      return new Element(2, value.toString());
    }

    /** The element as a key of {@code fieldsV1}: {@code f:replicas}, {@code k:{"name":"x"}}, {@code v:"x"}. */
    public String serialized() {
      return switch (type) {
        case 0 -> "f:" + text;
        case 1 -> "k:" + text;
        case 2 -> "v:" + text;
        default -> "i:" + text;
      };
    }

    /** The element as a path's part is printed: {@code .replicas}, {@code [name="x"]}, {@code [="x"]}. */
    @Override
    public String toString() {
      switch (type) {
        case 0:
          return "." + text;
        case 1: {
          List<String> parts = new ArrayList<>();
          try {
            JsonNode key = dev.kubesim.impl.codec.ObjectCodec.mapper().readTree(text);
            key.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().toString()));
          } catch (java.io.IOException e) {
            parts.add(text);
          }
          return "[" + String.join(",", parts) + "]";
        }
        case 2:
          return "[=" + text + "]";
        default:
          return "[" + text + "]";
      }
    }

    @Override
    public int compareTo(Element o) {
      if (type != o.type) {
        return Integer.compare(type, o.type);
      }
      return text.compareTo(o.text);
    }

    /** Parses a {@code fieldsV1} key. */
    static Element parse(String serialized) {
      String text = serialized.substring(2);
      return switch (serialized.charAt(0)) {
        case 'f' -> new Element(0, text);
        case 'k' -> new Element(1, text);
        case 'v' -> new Element(2, text);
        default -> new Element(3, text);
      };
    }
  }

  /** Depth first, the members of each level before the paths that go deeper. */
  static final Comparator<List<Element>> ORDER = (a, b) -> {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      boolean aEnds = i == a.size() - 1;
      boolean bEnds = i == b.size() - 1;
      int c = a.get(i).compareTo(b.get(i));
      if (c == 0) {
        if (aEnds != bEnds) {
          return aEnds ? -1 : 1;
        }
        continue;
      }
      if (aEnds != bEnds) {
        return aEnds ? -1 : 1;
      }
      return c;
    }
    return Integer.compare(a.size(), b.size());
  };

  private static final Comparator<ImmutableList<Element>> PATHS = ORDER::compare;

  /** The empty set. */
  public static final FieldSet EMPTY = new FieldSet(ImmutableSortedSet.orderedBy(PATHS).build());

  private final ImmutableSortedSet<ImmutableList<Element>> paths;

  private FieldSet(ImmutableSortedSet<ImmutableList<Element>> paths) {
    this.paths = paths;
  }

  /** A set of these paths. */
  public static FieldSet of(Iterable<? extends List<Element>> paths) {
    ImmutableSortedSet.Builder<ImmutableList<Element>> b = ImmutableSortedSet.orderedBy(PATHS);
    for (List<Element> p : paths) {
      b.add(ImmutableList.copyOf(p));
    }
    return new FieldSet(b.build());
  }

  /** The paths, in iteration order. */
  public ImmutableSortedSet<ImmutableList<Element>> paths() {
    return paths;
  }

  /** Whether the set has no path. */
  public boolean isEmpty() {
    return paths.isEmpty();
  }

  /** Whether the path is in the set. */
  public boolean contains(List<Element> path) {
    return paths.contains(ImmutableList.copyOf(path));
  }

  /** Whether the path or a path under it is in the set. */
  public boolean containsOrUnder(List<Element> path) {
    for (ImmutableList<Element> p : paths) {
      if (p.size() >= path.size() && p.subList(0, path.size()).equals(path)) {
        return true;
      }
    }
    return false;
  }

  /** The paths in this set or the other. */
  public FieldSet union(FieldSet other) {
    if (other.isEmpty()) {
      return this;
    }
    TreeSet<ImmutableList<Element>> out = new TreeSet<>(ORDER);
    out.addAll(paths);
    out.addAll(other.paths);
    return of(out);
  }

  /** The paths of this set that are not in the other. */
  public FieldSet difference(FieldSet other) {
    return filter(p -> !other.paths.contains(p));
  }

  /** The paths of this set that are in the other too. */
  public FieldSet intersection(FieldSet other) {
    return filter(other.paths::contains);
  }

  /** The paths of this set that are neither one of {@code other}'s nor under one of them. */
  public FieldSet recursiveDifference(FieldSet other) {
    return filter(p -> {
      for (int i = 1; i <= p.size(); i++) {
        if (other.paths.contains(p.subList(0, i))) {
          return false;
        }
      }
      return true;
    });
  }

  /** The paths that satisfy the test. */
  public FieldSet filter(Predicate<ImmutableList<Element>> keep) {
    List<ImmutableList<Element>> out = new ArrayList<>();
    for (ImmutableList<Element> p : paths) {
      if (keep.test(p)) {
        out.add(p);
      }
    }
    return out.size() == paths.size() ? this : of(out);
  }

  /** A path as structured-merge-diff prints it: {@code .spec.template.spec.containers[name="web"].image}. */
  public static String toString(List<Element> path) {
    StringBuilder sb = new StringBuilder();
    path.forEach(e -> sb.append(e));
    return sb.toString();
  }

  /**
   * The set as {@code fieldsV1}: a tree of the paths' elements ({@code {"f:spec":{"f:replicas":{}}}}),
   * each level in element order, with {@code "."} first where a path ends at a node that has deeper
   * paths too.
   */
  public ObjectNode toFieldsV1() {
    Node root = new Node();
    for (List<Element> p : paths) {
      Node n = root;
      for (Element e : p) {
        n = n.children.computeIfAbsent(e, k -> new Node());
      }
      n.member = true;
    }
    return root.write(false);
  }

  /** The set a {@code fieldsV1} tree stands for. */
  public static FieldSet fromFieldsV1(JsonNode tree) {
    List<List<Element>> out = new ArrayList<>();
    read(tree, new ArrayList<>(), out);
    return of(out);
  }

  private static void read(JsonNode node, List<Element> prefix, List<List<Element>> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals(".")) {
        out.add(new ArrayList<>(prefix));
        continue;
      }
      if (e.getKey().length() < 2 || e.getKey().charAt(1) != ':') {
        throw new IllegalArgumentException("not a fieldsV1 key: " + e.getKey());
      }
      List<Element> path = new ArrayList<>(prefix);
      path.add(Element.parse(e.getKey()));
      if (e.getValue().size() == 0) {
        out.add(path);
      } else {
        read(e.getValue(), path, out);
      }
    }
  }

  private static final class Node {
    boolean member;
    final TreeMap<Element, Node> children = new TreeMap<>();

    ObjectNode write(boolean self) {
      ObjectNode o = JSON.objectNode();
      if (self && member && !children.isEmpty()) {
        o.putObject(".");
      }
      children.forEach((e, child) -> o.set(e.serialized(), child.write(true)));
      return o;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSet f && f.paths.equals(paths);
  }

  @Override
  public int hashCode() {
    return paths.hashCode();
  }

  @Override
  public String toString() {
    List<String> out = new ArrayList<>();
    paths.forEach(p -> out.add(toString(p)));
    return out.toString();
  }
}
