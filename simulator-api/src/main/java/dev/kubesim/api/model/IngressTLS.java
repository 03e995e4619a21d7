package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code spec.tls[i]} of an Ingress.
 *
 * @param hosts the hosts the certificate is for
 * @param secretName the Secret with the certificate and key
 */
public record IngressTLS(
    List<String> hosts,
    Optional<String> secretName) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param hosts the hosts the certificate is for
   * @param secretName the Secret with the certificate and key
   */
  public IngressTLS {
    hosts = Values.list(hosts);
    secretName = Values.opt(secretName);
  }
}
