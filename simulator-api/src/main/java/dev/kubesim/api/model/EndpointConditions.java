package dev.kubesim.api.model;

import java.util.Optional;

/** {@code endpoints[i].conditions} of an EndpointSlice. */
public record EndpointConditions(
    Optional<Boolean> ready,
    Optional<Boolean> serving,
    Optional<Boolean> terminating) {
  public EndpointConditions {
    ready = Values.opt(ready);
    serving = Values.opt(serving);
    terminating = Values.opt(terminating);
  }
}
