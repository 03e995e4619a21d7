package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec.rules[i]} of an Ingress: a host and its HTTP paths.
 *
 * @param host the host the rule is for ({@code *.example.com} wildcards allowed); every host when
 *     empty
 * @param http its paths
 */
public record IngressRule(
    Optional<String> host,
    Optional<HTTPIngressRuleValue> http) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param host the host the rule is for ({@code *.example.com} wildcards allowed); every host when
   *     empty
   * @param http its paths
   */
  public IngressRule {
    host = Values.opt(host);
    http = Values.opt(http);
  }
}
