package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code backend.service.port} of an Ingress: a port name or number.
 *
 * @param name the Service port's name
 * @param number the Service port's number
 */
public record ServiceBackendPort(
    Optional<String> name,
    Optional<Integer> number) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the Service port's name
   * @param number the Service port's number
   */
  public ServiceBackendPort {
    name = Values.opt(name);
    number = Values.opt(number);
  }
}
