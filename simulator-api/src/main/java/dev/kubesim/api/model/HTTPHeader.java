package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code httpGet.httpHeaders[i]} of a probe.
 *
 * @param name the header's name
 * @param value its value
 */
public record HTTPHeader(
    Optional<String> name,
    Optional<String> value) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name the header's name
   * @param value its value
   */
  public HTTPHeader {
    name = Values.opt(name);
    value = Values.opt(value);
  }
}
