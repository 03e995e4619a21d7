package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.sessionAffinityConfig} of a Service. */
public record SessionAffinityConfig(Optional<ClientIPConfig> clientIP) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param clientIP the {@code clientIP} field; {@code null} for absent
   */
  public SessionAffinityConfig {
    clientIP = Values.opt(clientIP);
  }

  /** {@code spec.sessionAffinityConfig.clientIP}: how long a client sticks to its endpoint. */
  public record ClientIPConfig(Optional<Integer> timeoutSeconds) {
    /**
     * Normalises the fields: absent values become empty optionals, lists and maps; lists and
     * maps are copied immutable, maps sorted by key as the API server serialises them.
     *
     * @param timeoutSeconds the {@code timeoutSeconds} field; {@code null} for absent
     */
    public ClientIPConfig {
      timeoutSeconds = Values.opt(timeoutSeconds);
    }
  }
}
