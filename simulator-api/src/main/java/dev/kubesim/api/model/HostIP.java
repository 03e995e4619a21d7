package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code status.hostIPs[i]} of a Pod.
 *
 * @param ip one of the node's addresses
 */
public record HostIP(
    Optional<String> ip) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ip one of the node's addresses
   */
  public HostIP {
    ip = Values.opt(ip);
  }
}
