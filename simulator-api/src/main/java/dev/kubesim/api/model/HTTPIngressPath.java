package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.rules[i].http.paths[j]} of an Ingress. */
public record HTTPIngressPath(
    Optional<String> path,
    Optional<String> pathType,
    Optional<IngressBackend> backend) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param path an absolute path in the container's file system; {@code null} for absent
   * @param pathType the {@code pathType} field; {@code null} for absent
   * @param backend the {@code backend} field; {@code null} for absent
   */
  public HTTPIngressPath {
    path = Values.opt(path);
    pathType = Values.opt(pathType);
    backend = Values.opt(backend);
  }
}
