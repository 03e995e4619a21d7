package dev.kubesim.api.model;

import java.util.Optional;

/** A liveness, readiness or startup probe of a container: its handler (inlined) and its timing. */
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

  public Builder toBuilder() {
    return new Builder(this);
  }

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

    public Builder exec(ExecAction v) { exec = Optional.ofNullable(v); return this; }
    public Builder httpGet(HTTPGetAction v) { httpGet = Optional.ofNullable(v); return this; }
    public Builder tcpSocket(TCPSocketAction v) { tcpSocket = Optional.ofNullable(v); return this; }
    public Builder grpc(Object v) { grpc = Optional.ofNullable(v); return this; }
    public Builder initialDelaySeconds(Integer v) { initialDelaySeconds = Optional.ofNullable(v); return this; }
    public Builder timeoutSeconds(Integer v) { timeoutSeconds = Optional.ofNullable(v); return this; }
    public Builder periodSeconds(Integer v) { periodSeconds = Optional.ofNullable(v); return this; }
    public Builder successThreshold(Integer v) { successThreshold = Optional.ofNullable(v); return this; }
    public Builder failureThreshold(Integer v) { failureThreshold = Optional.ofNullable(v); return this; }
    public Builder terminationGracePeriodSeconds(Long v) { terminationGracePeriodSeconds = Optional.ofNullable(v); return this; }

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
