package dev.kubesim.impl.apiserver;

import java.util.Optional;

/**
 * {@code DeleteOptions}: the grace period (pods) and how dependents are treated ({@code
 * Background}: the garbage collector deletes them after the owner; {@code Foreground}: the owner
 * waits for them; {@code Orphan}: they lose their owner reference and stay).
 */
public record DeleteOptions(Optional<Long> gracePeriodSeconds, String propagationPolicy) {
  public DeleteOptions {
    if (!propagationPolicy.equals("Background") && !propagationPolicy.equals("Foreground") && !propagationPolicy.equals("Orphan")) {
      throw new IllegalArgumentException("unknown propagationPolicy " + propagationPolicy);
    }
  }

  /** Background propagation and the object's own grace period, as kubectl deletes by default. */
  public static DeleteOptions defaults() {
    return new DeleteOptions(Optional.empty(), "Background");
  }

  public static DeleteOptions now() {
    return new DeleteOptions(Optional.of(0L), "Background");
  }

  public DeleteOptions withPropagation(String policy) {
    return new DeleteOptions(gracePeriodSeconds, policy);
  }

  public DeleteOptions withGracePeriod(long seconds) {
    return new DeleteOptions(Optional.of(seconds), propagationPolicy);
  }
}
