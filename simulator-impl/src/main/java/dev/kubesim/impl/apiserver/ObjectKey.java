package dev.kubesim.impl.apiserver;

/**
 * Where an object lives: its namespace ({@code ""} for cluster-scoped kinds) and name. Ordered as
 * kubectl lists objects: by namespace, then name.
 */
public record ObjectKey(String namespace, String name) implements Comparable<ObjectKey> {
  @Override
  public int compareTo(ObjectKey o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
