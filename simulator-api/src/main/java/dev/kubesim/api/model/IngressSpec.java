package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code spec} of an Ingress.
 *
 * @param ingressClassName the IngressClass, and so the controller, that implements the Ingress
 * @param defaultBackend where requests that match no rule go
 * @param tls hosts served over TLS, and the Secret with their certificate
 * @param rules host and path rules, in order
 */
public record IngressSpec(
    Optional<String> ingressClassName,
    Optional<IngressBackend> defaultBackend,
    List<IngressTLS> tls,
    List<IngressRule> rules) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ingressClassName the IngressClass, and so the controller, that implements the Ingress
   * @param defaultBackend where requests that match no rule go
   * @param tls hosts served over TLS, and the Secret with their certificate
   * @param rules host and path rules, in order
   */
  public IngressSpec {
    ingressClassName = Values.opt(ingressClassName);
    defaultBackend = Values.opt(defaultBackend);
    tls = Values.list(tls);
    rules = Values.list(rules);
  }

  static IngressSpec empty() {
    return new IngressSpec(null, null, null, null);
  }

  /**
   * A copy with {@link #ingressClassName()} replaced.
   *
   * @param value the new {@code ingressClassName}
   * @return a copy of this {@code IngressSpec} with {@code ingressClassName} set
   */
  public IngressSpec withIngressClassName(String value) {
    return new IngressSpec(Optional.ofNullable(value), defaultBackend, tls, rules);
  }
}
