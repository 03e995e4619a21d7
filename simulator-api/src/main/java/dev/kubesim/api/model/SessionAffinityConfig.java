package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec.sessionAffinityConfig} of a Service.
 *
 * @param clientIP settings of {@code ClientIP} affinity
 */
public record SessionAffinityConfig(Optional<ClientIPConfig> clientIP) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param clientIP settings of {@code ClientIP} affinity
   */
  public SessionAffinityConfig {
    clientIP = Values.opt(clientIP);
  }

  /**
   * {@code spec.sessionAffinityConfig.clientIP}: how long a client sticks to its endpoint.
   *
   * @param timeoutSeconds how long a client sticks to its endpoint (default 10800)
   */
  public record ClientIPConfig(Optional<Integer> timeoutSeconds) {
    /**
     * Normalises the fields: absent values become empty optionals, lists and maps; lists and
     * maps are copied immutable, maps sorted by key as the API server serialises them.
     *
     * @param timeoutSeconds how long a client sticks to its endpoint (default 10800)
     */
    public ClientIPConfig {
      timeoutSeconds = Values.opt(timeoutSeconds);
    }
  }
}
