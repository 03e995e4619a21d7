package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code backend.service} of an Ingress: a Service name and port.
 *
 * @param name the Service's name, in the Ingress's namespace
 * @param port the Service's port, by number or name
 */
public record IngressServiceBackend(
    Optional<String> name,
    Optional<ServiceBackendPort> port) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the Service's name, in the Ingress's namespace
   * @param port the Service's port, by number or name
   */
  public IngressServiceBackend {
    name = Values.opt(name);
    port = Values.opt(port);
  }
}
