package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.dnsConfig.options[i]} of a Pod ({@code ndots}, ...). */
public record PodDNSConfigOption(
    Optional<String> name,
    Optional<String> value) {
  public PodDNSConfigOption {
    name = Values.opt(name);
    value = Values.opt(value);
  }
}
