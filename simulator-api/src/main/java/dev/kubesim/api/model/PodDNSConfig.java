package dev.kubesim.api.model;

import java.util.List;

/** {@code spec.dnsConfig} of a Pod: extra resolver settings. */
public record PodDNSConfig(
    List<String> nameservers,
    List<String> searches,
    List<PodDNSConfigOption> options) {
  public PodDNSConfig {
    nameservers = Values.list(nameservers);
    searches = Values.list(searches);
    options = Values.list(options);
  }
}
