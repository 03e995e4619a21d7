package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code env[i]} of a container: a literal value or a {@code valueFrom} reference.
 *
 * @param name the variable's name
 * @param value its value; {@code $(VAR)} references to earlier variables expand
 * @param valueFrom a source of the value (field, resource, ConfigMap or Secret key), as written
 */
public record EnvVar(
    Optional<String> name,
    Optional<String> value,
    Optional<Object> valueFrom) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the variable's name
   * @param value its value; {@code $(VAR)} references to earlier variables expand
   * @param valueFrom a source of the value (field, resource, ConfigMap or Secret key), as written
   */
  public EnvVar {
    name = Values.opt(name);
    value = Values.opt(value);
    valueFrom = Values.opt(valueFrom);
  }
}
