package dev.kubesim.api;

import java.util.List;
import java.util.Objects;

/**
 * A wait in virtual time ({@link Cluster#advanceUntil}, {@link Cluster#awaitReady}) reached its
 * limit before its condition held. The message names the cluster's seed, the virtual time and what
 * was still not so, e.g. {@code deployment default/orders: 0/2 ready; pod default/orders-x: Running,
 * not ready: Readiness probe failed: HTTP probe failed with statuscode: 503}; {@link #pending()}
 * holds those lines as data. The code is {@code 504} and the reason {@code Timeout}, as the API
 * server answers a request that ran out of time.
 */
public class ConditionTimeoutException extends KubeSimException {
  private static final long serialVersionUID = 1L;

  /** What was still not so when the time ran out, one line each. */
  private final List<String> pending;

  /**
   * @param message the whole message, seed and virtual time included
   * @param pending what was not so, one entry per object (empty when the condition was a caller's predicate)
   */
  public ConditionTimeoutException(String message, List<String> pending) {
    super("Timeout", 504, message);
    this.pending = List.copyOf(Objects.requireNonNull(pending, "pending"));
  }

  /**
   * What was not ready when the wait gave up, one line per object, in (kind, namespace, name)
   * order.
   *
   * @return what was not ready when the wait gave up, one line per object, in (kind, namespace,
   *     name) order
   */
  public List<String> pending() {
    return pending;
  }
}
