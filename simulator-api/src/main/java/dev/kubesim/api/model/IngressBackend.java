package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A backend of an Ingress: a Service port or a resource reference.
 *
 * @param service a Service and its port
 * @param resource another object, as written
 */
public record IngressBackend(
    Optional<IngressServiceBackend> service,
    Optional<Object> resource) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param service a Service and its port
   * @param resource another object, as written
   */
  public IngressBackend {
    service = Values.opt(service);
    resource = Values.opt(resource);
  }
}
