package dev.kubesim.api.model;

import java.util.List;

/** {@code spec} of a Namespace. */
public record NamespaceSpec(
    List<String> finalizers) {
  public NamespaceSpec {
    finalizers = Values.list(finalizers);
  }

  static NamespaceSpec empty() {
    return new NamespaceSpec(null);
  }
}
