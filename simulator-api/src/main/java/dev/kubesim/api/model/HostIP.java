package dev.kubesim.api.model;

import java.util.Optional;

/** {@code status.hostIPs[i]} of a Pod. */
public record HostIP(
    Optional<String> ip) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ip the {@code ip} field; {@code null} for absent
   */
  public HostIP {
    ip = Values.opt(ip);
  }
}
