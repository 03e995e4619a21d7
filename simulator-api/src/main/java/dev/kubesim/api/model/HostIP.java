package dev.kubesim.api.model;

import java.util.Optional;

/** {@code status.hostIPs[i]} of a Pod. */
public record HostIP(
    Optional<String> ip) {
  public HostIP {
    ip = Values.opt(ip);
  }
}
