package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code spec.tls[i]} of an Ingress. */
public record IngressTLS(
    List<String> hosts,
    Optional<String> secretName) {
  public IngressTLS {
    hosts = Values.list(hosts);
    secretName = Values.opt(secretName);
  }
}
