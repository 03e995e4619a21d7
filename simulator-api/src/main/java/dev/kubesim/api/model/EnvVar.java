package dev.kubesim.api.model;

import java.util.Optional;

/** {@code env[i]} of a container: a literal value or a {@code valueFrom} reference. */
public record EnvVar(
    Optional<String> name,
    Optional<String> value,
    Optional<Object> valueFrom) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the object's name; {@code null} for absent
   * @param value the {@code value} field; {@code null} for absent
   * @param valueFrom the {@code valueFrom} field; {@code null} for absent
   */
  public EnvVar {
    name = Values.opt(name);
    value = Values.opt(value);
    valueFrom = Values.opt(valueFrom);
  }
}
