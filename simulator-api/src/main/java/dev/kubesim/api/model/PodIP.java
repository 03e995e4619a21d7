package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code status.podIPs[i]} of a Pod.
 *
 * @param ip one of the pod's addresses
 */
public record PodIP(
    Optional<String> ip) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ip one of the pod's addresses
   */
  public PodIP {
    ip = Values.opt(ip);
  }
}
