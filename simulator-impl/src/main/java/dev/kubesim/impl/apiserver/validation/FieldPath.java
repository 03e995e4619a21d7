package dev.kubesim.impl.apiserver.validation;

import static java.util.Objects.requireNonNull;

/**
 * An immutable path from an object's root to one field, like apimachinery's {@code field.Path}:
 * {@code FieldPath.root("spec").child("ports").index(0).child("name")} prints as {@code
 * spec.ports[0].name}, and map keys print unquoted in brackets, {@code
 * metadata.labels[kubernetes.io/metadata.name]}.
 *
 * <p>Each element is either a field name or a subscript (index or key). As in Go, an empty field
 * name is treated as a subscript with empty text, so it prints as {@code []}.
 */
public final class FieldPath {
  private final String name; // empty when this element is a subscript
  private final String subscript; // the index or key when name is empty
  private final FieldPath parent; // null for the root
  // Rendered on first use: validation builds a path for every field it visits and prints few.
  private String text;

  private FieldPath(String name, String subscript, FieldPath parent) {
    this.name = name;
    this.subscript = subscript;
    this.parent = parent;
  }

  /** A root path, e.g. {@code root("metadata")} or {@code root("spec", "ports")}. */
  public static FieldPath root(String name, String... moreNames) {
    FieldPath p = new FieldPath(requireNonNull(name, "name"), "", null);
    for (String more : moreNames) {
      p = new FieldPath(requireNonNull(more, "name"), "", p);
    }
    return p;
  }

  /** This path extended by one or more field names: {@code spec} to {@code spec.ports}. */
  public FieldPath child(String name, String... moreNames) {
    FieldPath p = new FieldPath(requireNonNull(name, "name"), "", this);
    for (String more : moreNames) {
      p = new FieldPath(requireNonNull(more, "name"), "", p);
    }
    return p;
  }

  /** This path subscripted by a list index: {@code spec.ports} to {@code spec.ports[0]}. */
  public FieldPath index(int index) {
    return new FieldPath("", Integer.toString(index), this);
  }

  /** This path subscripted by a map key, printed as is: {@code metadata.labels[app]}. */
  public FieldPath key(String key) {
    return new FieldPath("", requireNonNull(key, "key"), this);
  }

  /** The path one element up, or {@code null} at the root. */
  public FieldPath parent() {
    return parent;
  }

  /** The path in Kubernetes' notation, as {@code field.Path.String()} prints it. */
  @Override
  public String toString() {
    if (text == null) {
      text = render();
    }
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  private String render() {
    String prefix = parent == null ? "" : parent.toString();
    if (name.isEmpty()) {
      return prefix + "[" + subscript + "]";
    }
    // A dot separates a field from whatever precedes it; the root has nothing before it.
    return parent == null ? name : prefix + "." + name;
  }
}
