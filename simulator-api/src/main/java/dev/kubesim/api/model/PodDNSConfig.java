package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code spec.dnsConfig} of a Pod: extra resolver settings.
 *
 * @param nameservers nameservers added to the pod's {@code /etc/resolv.conf}
 * @param searches search domains added
 * @param options options added or replaced ({@code ndots})
 */
public record PodDNSConfig(
    List<String> nameservers,
    List<String> searches,
    List<PodDNSConfigOption> options) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param nameservers nameservers added to the pod's {@code /etc/resolv.conf}
   * @param searches search domains added
   * @param options options added or replaced ({@code ndots})
   */
  public PodDNSConfig {
    nameservers = Values.list(nameservers);
    searches = Values.list(searches);
    options = Values.list(options);
  }
}
