package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.rules[i]} of an Ingress: a host and its HTTP paths. */
public record IngressRule(
    Optional<String> host,
    Optional<HTTPIngressRuleValue> http) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param host the {@code host} field; {@code null} for absent
   * @param http the {@code http} field; {@code null} for absent
   */
  public IngressRule {
    host = Values.opt(host);
    http = Values.opt(http);
  }
}
