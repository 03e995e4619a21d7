package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code status.addresses[i]} of a Node ({@code InternalIP}, {@code Hostname}, ...).
 *
 * @param type {@code InternalIP}, {@code ExternalIP}, {@code Hostname}, ...
 * @param address the address
 */
public record NodeAddress(
    Optional<String> type,
    Optional<String> address) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param type {@code InternalIP}, {@code ExternalIP}, {@code Hostname}, ...
   * @param address the address
   */
  public NodeAddress {
    type = Values.opt(type);
    address = Values.opt(address);
  }
}
