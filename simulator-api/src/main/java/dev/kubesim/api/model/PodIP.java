package dev.kubesim.api.model;

import java.util.Optional;

/** {@code status.podIPs[i]} of a Pod. */
public record PodIP(
    Optional<String> ip) {
  public PodIP {
    ip = Values.opt(ip);
  }
}
