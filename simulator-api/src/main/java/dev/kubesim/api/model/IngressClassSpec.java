package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec} of an IngressClass. */
public record IngressClassSpec(
    Optional<String> controller,
    Optional<Object> parameters) {
  public IngressClassSpec {
    controller = Values.opt(controller);
    parameters = Values.opt(parameters);
  }

  static IngressClassSpec empty() {
    return new IngressClassSpec(null, null);
  }
}
