package dev.kubesim.api.model;

import java.util.Optional;

/** A backend of an Ingress: a Service port or a resource reference. */
public record IngressBackend(
    Optional<IngressServiceBackend> service,
    Optional<Object> resource) {
  public IngressBackend {
    service = Values.opt(service);
    resource = Values.opt(resource);
  }
}
