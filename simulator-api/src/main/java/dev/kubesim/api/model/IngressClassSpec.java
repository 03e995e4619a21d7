package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec} of an IngressClass.
 *
 * @param controller the controller that implements Ingresses of the class ({@code
 *     k8s.io/ingress-nginx})
 * @param parameters the controller's configuration object, as written
 */
public record IngressClassSpec(
    Optional<String> controller,
    Optional<Object> parameters) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param controller the controller that implements Ingresses of the class ({@code
   *     k8s.io/ingress-nginx})
   * @param parameters the controller's configuration object, as written
   */
  public IngressClassSpec {
    controller = Values.opt(controller);
    parameters = Values.opt(parameters);
  }

  static IngressClassSpec empty() {
    return new IngressClassSpec(null, null);
  }
}
