package dev.kubesim.api.model;

import java.util.Optional;

/** {@code backend.service} of an Ingress: a Service name and port. */
public record IngressServiceBackend(
    Optional<String> name,
    Optional<ServiceBackendPort> port) {
  public IngressServiceBackend {
    name = Values.opt(name);
    port = Values.opt(port);
  }
}
