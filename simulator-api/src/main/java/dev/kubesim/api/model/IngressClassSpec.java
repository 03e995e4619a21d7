package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec} of an IngressClass. */
public record IngressClassSpec(
    Optional<String> controller,
    Optional<Object> parameters) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param controller the {@code controller} field; {@code null} for absent
   * @param parameters the {@code parameters} field; {@code null} for absent
   */
  public IngressClassSpec {
    controller = Values.opt(controller);
    parameters = Values.opt(parameters);
  }

  static IngressClassSpec empty() {
    return new IngressClassSpec(null, null);
  }
}
