package dev.kubesim.api.model;

import java.util.Optional;

/** {@code env[i]} of a container: a literal value or a {@code valueFrom} reference. */
public record EnvVar(
    Optional<String> name,
    Optional<String> value,
    Optional<Object> valueFrom) {
  public EnvVar {
    name = Values.opt(name);
    value = Values.opt(value);
    valueFrom = Values.opt(valueFrom);
  }
}
