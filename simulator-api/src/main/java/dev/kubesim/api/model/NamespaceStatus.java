package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code status} of a Namespace: its phase ({@code Active}, {@code Terminating}). */
public record NamespaceStatus(
    Optional<String> phase,
    List<Object> conditions) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param phase the {@code phase} field; {@code null} for absent
   * @param conditions the {@code conditions} field; {@code null} for none
   */
  public NamespaceStatus {
    phase = Values.opt(phase);
    conditions = Values.list(conditions);
  }
}
