package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code spec.hostAliases[i]} of a Pod: extra {@code /etc/hosts} entries.
 *
 * @param ip the address
 * @param hostnames the names it gets in the pod's {@code /etc/hosts}
 */
public record HostAlias(
    Optional<String> ip,
    List<String> hostnames) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ip the address
   * @param hostnames the names it gets in the pod's {@code /etc/hosts}
   */
  public HostAlias {
    ip = Values.opt(ip);
    hostnames = Values.list(hostnames);
  }
}
