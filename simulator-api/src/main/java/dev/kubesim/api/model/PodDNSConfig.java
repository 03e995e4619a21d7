package dev.kubesim.api.model;

import java.util.List;

/** {@code spec.dnsConfig} of a Pod: extra resolver settings. */
public record PodDNSConfig(
    List<String> nameservers,
    List<String> searches,
    List<PodDNSConfigOption> options) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param nameservers the {@code nameservers} field; {@code null} for none
   * @param searches the {@code searches} field; {@code null} for none
   * @param options the {@code options} field; {@code null} for none
   */
  public PodDNSConfig {
    nameservers = Values.list(nameservers);
    searches = Values.list(searches);
    options = Values.list(options);
  }
}
