package dev.kubesim.api.model;

import java.util.Optional;

/** {@code status.addresses[i]} of a Node ({@code InternalIP}, {@code Hostname}, ...). */
public record NodeAddress(
    Optional<String> type,
    Optional<String> address) {
  public NodeAddress {
    type = Values.opt(type);
    address = Values.opt(address);
  }
}
