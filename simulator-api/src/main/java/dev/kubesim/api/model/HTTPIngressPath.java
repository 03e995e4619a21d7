package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.rules[i].http.paths[j]} of an Ingress. */
public record HTTPIngressPath(
    Optional<String> path,
    Optional<String> pathType,
    Optional<IngressBackend> backend) {
  public HTTPIngressPath {
    path = Values.opt(path);
    pathType = Values.opt(pathType);
    backend = Values.opt(backend);
  }
}
