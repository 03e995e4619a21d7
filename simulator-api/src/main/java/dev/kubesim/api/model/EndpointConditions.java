package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code endpoints[i].conditions} of an EndpointSlice.
 *
 * @param ready whether the pod is ready and not terminating: kube-proxy sends new connections to
 *     ready endpoints
 * @param serving whether the pod is ready, terminating or not
 * @param terminating whether the pod is being deleted
 */
public record EndpointConditions(
    Optional<Boolean> ready,
    Optional<Boolean> serving,
    Optional<Boolean> terminating) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ready whether the pod is ready and not terminating: kube-proxy sends new connections to
   *     ready endpoints
   * @param serving whether the pod is ready, terminating or not
   * @param terminating whether the pod is being deleted
   */
  public EndpointConditions {
    ready = Values.opt(ready);
    serving = Values.opt(serving);
    terminating = Values.opt(terminating);
  }
}
