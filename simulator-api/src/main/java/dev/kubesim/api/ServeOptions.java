package dev.kubesim.api;

/**
 * How {@link Cluster#serve(ServeOptions)} serves the Kubernetes API over HTTP.
 *
 * @param port the TCP port on 127.0.0.1; 0 (the default) picks a free one
 * @param wallClock false (the default): virtual time stays stepped by calls, as everywhere else in
 *     kubesim (the cluster settles after writes, before the next read; a watch of one object being
 *     deleted, as {@code kubectl delete} waits, lets time pass until it is gone); true: virtual
 *     time follows the wall clock, for interactive use
 * @param watchHistory how many changes the server keeps for watches that start from an older
 *     {@code resourceVersion}; older ones get {@code 410 Gone} (reason {@code Expired})
 */
public record ServeOptions(int port, boolean wallClock, int watchHistory) {
  /**
   * Checks the options: a value out of its range is refused with an {@code
   * IllegalArgumentException}.
   *
   * @param port the TCP port on 127.0.0.1; 0 (the default) picks a free one
   * @param wallClock false (the default): virtual time stays stepped by calls, as everywhere else
   *     in kubesim (the cluster settles after writes, before the next read; a watch of one object
   *     being deleted, as {@code kubectl delete} waits, lets time pass until it is gone); true:
   *     virtual time follows the wall clock, for interactive use
   * @param watchHistory how many changes the server keeps for watches that start from an older
   *     {@code resourceVersion}; older ones get {@code 410 Gone} (reason {@code Expired})
   */
  public ServeOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (watchHistory < 1) {
      throw new IllegalArgumentException("watchHistory must be at least 1, got " + watchHistory);
    }
  }

  /** {@return a free port, stepped virtual time, 10,000 changes of watch history} */
  public static ServeOptions defaults() {
    return new ServeOptions(0, false, 10_000);
  }

  /**
   * These options on another port.
   *
   * @param port the TCP port; 0 for a free one
   * @return the options with that port
   */
  public ServeOptions withPort(int port) {
    return new ServeOptions(port, wallClock, watchHistory);
  }

  /**
   * These options with virtual time stepped by calls or following the wall clock.
   *
   * @param wallClock true for the wall clock
   * @return the options with that clock
   */
  public ServeOptions withWallClock(boolean wallClock) {
    return new ServeOptions(port, wallClock, watchHistory);
  }

  /**
   * These options with another watch history.
   *
   * @param watchHistory how many changes are kept for watches
   * @return the options with that history
   */
  public ServeOptions withWatchHistory(int watchHistory) {
    return new ServeOptions(port, wallClock, watchHistory);
  }
}
