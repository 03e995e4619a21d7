package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.sessionAffinityConfig} of a Service. */
public record SessionAffinityConfig(Optional<ClientIPConfig> clientIP) {
  public SessionAffinityConfig {
    clientIP = Values.opt(clientIP);
  }

  /** {@code spec.sessionAffinityConfig.clientIP}: how long a client sticks to its endpoint. */
  public record ClientIPConfig(Optional<Integer> timeoutSeconds) {
    public ClientIPConfig {
      timeoutSeconds = Values.opt(timeoutSeconds);
    }
  }
}
