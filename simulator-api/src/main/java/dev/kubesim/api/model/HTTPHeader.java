package dev.kubesim.api.model;

import java.util.Optional;

/** {@code httpGet.httpHeaders[i]} of a probe. */
public record HTTPHeader(
    Optional<String> name,
    Optional<String> value) {
  public HTTPHeader {
    name = Values.opt(name);
    value = Values.opt(value);
  }
}
