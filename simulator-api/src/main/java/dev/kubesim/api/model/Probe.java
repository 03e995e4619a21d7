package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A liveness, readiness or startup probe of a container: its handler (inlined) and its timing.
 *
 * @param exec a command run in the container; exit code 0 succeeds
 * @param httpGet an HTTP GET; a status from 200 to 399 succeeds
 * @param tcpSocket a TCP connection; opening it succeeds
 * @param grpc a gRPC health check, as written
 * @param initialDelaySeconds how long after the container starts the first probe runs
 * @param timeoutSeconds how long one probe may take (default 1)
 * @param periodSeconds how often the probe runs (default 10)
 * @param successThreshold consecutive successes that make a failing container pass (default 1)
 * @param failureThreshold consecutive failures that make it fail (default 3)
 * @param terminationGracePeriodSeconds the grace period when a failed liveness or startup probe
 *     kills the container
 */
public record Probe(
    Optional<ExecAction> exec,
    Optional<HTTPGetAction> httpGet,
    Optional<TCPSocketAction> tcpSocket,
    Optional<Object> grpc,
    Optional<Integer> initialDelaySeconds,
    Optional<Integer> timeoutSeconds,
    Optional<Integer> periodSeconds,
    Optional<Integer> successThreshold,
    Optional<Integer> failureThreshold,
    Optional<Long> terminationGracePeriodSeconds) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param exec a command run in the container; exit code 0 succeeds
   * @param httpGet an HTTP GET; a status from 200 to 399 succeeds
   * @param tcpSocket a TCP connection; opening it succeeds
   * @param grpc a gRPC health check, as written
   * @param initialDelaySeconds how long after the container starts the first probe runs
   * @param timeoutSeconds how long one probe may take (default 1)
   * @param periodSeconds how often the probe runs (default 10)
   * @param successThreshold consecutive successes that make a failing container pass (default 1)
   * @param failureThreshold consecutive failures that make it fail (default 3)
   * @param terminationGracePeriodSeconds the grace period when a failed liveness or startup probe
   *     kills the container
   */
  public Probe {
    exec = Values.opt(exec);
    httpGet = Values.opt(httpGet);
    tcpSocket = Values.opt(tcpSocket);
    grpc = Values.opt(grpc);
    initialDelaySeconds = Values.opt(initialDelaySeconds);
    timeoutSeconds = Values.opt(timeoutSeconds);
    periodSeconds = Values.opt(periodSeconds);
    successThreshold = Values.opt(successThreshold);
    failureThreshold = Values.opt(failureThreshold);
    terminationGracePeriodSeconds = Values.opt(terminationGracePeriodSeconds);
  }

  /**
   * A builder that starts from this {@code Probe}'s fields, for a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A builder that starts with every field absent or empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(null);
  }

  /** A builder of {@link Probe}, starting from nothing or from a copy. */
  public static final class Builder {
    private Optional<ExecAction> exec = Optional.empty();
    private Optional<HTTPGetAction> httpGet = Optional.empty();
    private Optional<TCPSocketAction> tcpSocket = Optional.empty();
    private Optional<Object> grpc = Optional.empty();
    private Optional<Integer> initialDelaySeconds = Optional.empty();
    private Optional<Integer> timeoutSeconds = Optional.empty();
    private Optional<Integer> periodSeconds = Optional.empty();
    private Optional<Integer> successThreshold = Optional.empty();
    private Optional<Integer> failureThreshold = Optional.empty();
    private Optional<Long> terminationGracePeriodSeconds = Optional.empty();

    private Builder(Probe from) {
      if (from != null) {
        exec = from.exec;
        httpGet = from.httpGet;
        tcpSocket = from.tcpSocket;
        grpc = from.grpc;
        initialDelaySeconds = from.initialDelaySeconds;
        timeoutSeconds = from.timeoutSeconds;
        periodSeconds = from.periodSeconds;
        successThreshold = from.successThreshold;
        failureThreshold = from.failureThreshold;
        terminationGracePeriodSeconds = from.terminationGracePeriodSeconds;
      }
    }

    /**
     * Sets {@link Probe#exec()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder exec(ExecAction v) { exec = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Probe#httpGet()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder httpGet(HTTPGetAction v) { httpGet = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Probe#tcpSocket()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder tcpSocket(TCPSocketAction v) { tcpSocket = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Probe#grpc()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder grpc(Object v) { grpc = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Probe#initialDelaySeconds()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder initialDelaySeconds(Integer v) { initialDelaySeconds = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Probe#timeoutSeconds()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder timeoutSeconds(Integer v) { timeoutSeconds = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Probe#periodSeconds()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder periodSeconds(Integer v) { periodSeconds = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Probe#successThreshold()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder successThreshold(Integer v) { successThreshold = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Probe#failureThreshold()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder failureThreshold(Integer v) { failureThreshold = Optional.ofNullable(v); return this; }
    /**
     * Sets {@link Probe#terminationGracePeriodSeconds()}.
     *
     * @param v the new value; {@code null} for absent
     * @return this builder
     */
    public Builder terminationGracePeriodSeconds(Long v) { terminationGracePeriodSeconds = Optional.ofNullable(v); return this; }

    /**
     * Builds the {@code Probe} from the fields set so far.
     *
     * @return a new {@code Probe}
     */
    public Probe build() {
      return new Probe(
          exec,
          httpGet,
          tcpSocket,
          grpc,
          initialDelaySeconds,
          timeoutSeconds,
          periodSeconds,
          successThreshold,
          failureThreshold,
          terminationGracePeriodSeconds);
    }
  }
}
