package dev.kubesim.api.model;

import java.util.Optional;

/** {@code endpoints[i].conditions} of an EndpointSlice. */
public record EndpointConditions(
    Optional<Boolean> ready,
    Optional<Boolean> serving,
    Optional<Boolean> terminating) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param ready the {@code ready} field; {@code null} for absent
   * @param serving the {@code serving} field; {@code null} for absent
   * @param terminating the {@code terminating} field; {@code null} for absent
   */
  public EndpointConditions {
    ready = Values.opt(ready);
    serving = Values.opt(serving);
    terminating = Values.opt(terminating);
  }
}
