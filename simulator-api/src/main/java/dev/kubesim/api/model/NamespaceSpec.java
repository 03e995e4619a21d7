package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code spec} of a Namespace.
 *
 * @param finalizers what must be done before the namespace is removed ({@code kubernetes})
 */
public record NamespaceSpec(
    List<String> finalizers) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param finalizers what must be done before the namespace is removed ({@code kubernetes})
   */
  public NamespaceSpec {
    finalizers = Values.list(finalizers);
  }

  static NamespaceSpec empty() {
    return new NamespaceSpec(null);
  }
}
