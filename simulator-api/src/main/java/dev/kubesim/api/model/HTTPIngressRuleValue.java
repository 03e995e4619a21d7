package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code spec.rules[i].http} of an Ingress.
 *
 * @param paths the paths, each to a backend
 */
public record HTTPIngressRuleValue(
    List<HTTPIngressPath> paths) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param paths the paths, each to a backend
   */
  public HTTPIngressRuleValue {
    paths = Values.list(paths);
  }
}
