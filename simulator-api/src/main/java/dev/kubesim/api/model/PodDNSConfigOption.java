package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.dnsConfig.options[i]} of a Pod ({@code ndots}, ...). */
public record PodDNSConfigOption(
    Optional<String> name,
    Optional<String> value) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the option's name ({@code ndots}, {@code timeout}, ...); {@code null} for absent
   * @param value the {@code value} field; {@code null} for absent
   */
  public PodDNSConfigOption {
    name = Values.opt(name);
    value = Values.opt(value);
  }
}
