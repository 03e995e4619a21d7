package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code spec} of an Ingress. */
public record IngressSpec(
    Optional<String> ingressClassName,
    Optional<IngressBackend> defaultBackend,
    List<IngressTLS> tls,
    List<IngressRule> rules) {
  public IngressSpec {
    ingressClassName = Values.opt(ingressClassName);
    defaultBackend = Values.opt(defaultBackend);
    tls = Values.list(tls);
    rules = Values.list(rules);
  }

  static IngressSpec empty() {
    return new IngressSpec(null, null, null, null);
  }

  public IngressSpec withIngressClassName(String value) {
    return new IngressSpec(Optional.ofNullable(value), defaultBackend, tls, rules);
  }
}
