package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.rules[i]} of an Ingress: a host and its HTTP paths. */
public record IngressRule(
    Optional<String> host,
    Optional<HTTPIngressRuleValue> http) {
  public IngressRule {
    host = Values.opt(host);
    http = Values.opt(http);
  }
}
