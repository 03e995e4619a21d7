package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec.rules[i].http.paths[j]} of an Ingress.
 *
 * @param path the path to match
 * @param pathType {@code Exact}, {@code Prefix} (by path elements) or {@code
 *     ImplementationSpecific}
 * @param backend where matching requests go
 */
public record HTTPIngressPath(
    Optional<String> path,
    Optional<String> pathType,
    Optional<IngressBackend> backend) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param path the path to match
   * @param pathType {@code Exact}, {@code Prefix} (by path elements) or {@code
   *     ImplementationSpecific}
   * @param backend where matching requests go
   */
  public HTTPIngressPath {
    path = Values.opt(path);
    pathType = Values.opt(pathType);
    backend = Values.opt(backend);
  }
}
