package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code status} of a Namespace: its phase ({@code Active}, {@code Terminating}).
 *
 * @param phase {@code Active} or {@code Terminating}
 * @param conditions the deletion's progress, as written
 */
public record NamespaceStatus(
    Optional<String> phase,
    List<Object> conditions) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param phase {@code Active} or {@code Terminating}
   * @param conditions the deletion's progress, as written
   */
  public NamespaceStatus {
    phase = Values.opt(phase);
    conditions = Values.list(conditions);
  }
}
