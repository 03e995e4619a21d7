package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code status} of a Namespace: its phase ({@code Active}, {@code Terminating}). */
public record NamespaceStatus(
    Optional<String> phase,
    List<Object> conditions) {
  public NamespaceStatus {
    phase = Values.opt(phase);
    conditions = Values.list(conditions);
  }
}
