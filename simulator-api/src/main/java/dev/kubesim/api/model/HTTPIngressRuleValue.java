package dev.kubesim.api.model;

import java.util.List;

/** {@code spec.rules[i].http} of an Ingress. */
public record HTTPIngressRuleValue(
    List<HTTPIngressPath> paths) {
  public HTTPIngressRuleValue {
    paths = Values.list(paths);
  }
}
