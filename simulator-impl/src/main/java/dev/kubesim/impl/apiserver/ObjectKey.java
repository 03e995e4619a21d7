package dev.kubesim.impl.apiserver;

import java.util.Comparator;

/**
 * Where an object lives: its namespace ({@code ""} for cluster-scoped kinds) and name. Ordered as
 * kubectl lists objects: by namespace, then name.
 */
public record ObjectKey(String namespace, String name) implements Comparable<ObjectKey> {
  private static final Comparator<ObjectKey> ORDER =
      Comparator.comparing(ObjectKey::namespace).thenComparing(ObjectKey::name);

  @Override
  public int compareTo(ObjectKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
