package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec.dnsConfig.options[i]} of a Pod ({@code ndots}, ...).
 *
 * @param name the option's name ({@code ndots}, {@code timeout}, ...)
 * @param value its value, when it takes one
 */
public record PodDNSConfigOption(
    Optional<String> name,
    Optional<String> value) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the option's name ({@code ndots}, {@code timeout}, ...)
   * @param value its value, when it takes one
   */
  public PodDNSConfigOption {
    name = Values.opt(name);
    value = Values.opt(value);
  }
}
