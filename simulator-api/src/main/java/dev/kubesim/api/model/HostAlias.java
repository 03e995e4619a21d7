package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code spec.hostAliases[i]} of a Pod: extra {@code /etc/hosts} entries. */
public record HostAlias(
    Optional<String> ip,
    List<String> hostnames) {
  public HostAlias {
    ip = Values.opt(ip);
    hostnames = Values.list(hostnames);
  }
}
