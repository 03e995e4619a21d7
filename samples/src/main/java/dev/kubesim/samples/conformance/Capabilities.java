package dev.kubesim.samples.conformance;

import java.util.Set;

/**
 * What the simulator behind a {@link ScenarioTarget} can do. A verb whose capability is false
 * fails its cases with {@code not supported yet: <verb>} (it never passes by default); a feature
 * not in {@link #features()} makes the cases that require it skipped. Flip one to true when the
 * machinery lands, together with the target method it guards.
 */
public interface Capabilities {
  /** Nothing beyond the API server and kubectl: the simulator as it is today. */
  Capabilities NONE = new Capabilities() {};

  /** {@code exec}: commands in containers ({@link ScenarioTarget#exec}). */
  default boolean exec() {
    return false;
  }

  /** {@code http}: requests through the simulated network ({@link ScenarioTarget#http}). */
  default boolean http() {
    return false;
  }

  /** {@code packet}: kube-proxy's rules on a node ({@link ScenarioTarget#packet}). */
  default boolean packet() {
    return false;
  }

  /** {@code dns}: queries to the cluster DNS ({@link ScenarioTarget#dns}). */
  default boolean dns() {
    return false;
  }

  /** {@code resolve}: a pod's resolver walking its search list ({@link ScenarioTarget#resolve}). */
  default boolean resolve() {
    return false;
  }

  /** {@code resolvConf}: the kubelet's resolv.conf for a pod ({@link ScenarioTarget#resolvConf}). */
  default boolean resolvConf() {
    return false;
  }

  /** {@code env}: a pod's first container's environment ({@link ScenarioTarget#env}). */
  default boolean env() {
    return false;
  }

  /**
   * {@code reachability} and {@code connect}: connection attempts between pods ({@link
   * ScenarioTarget#connect}).
   */
  default boolean connect() {
    return false;
  }

  /**
   * The {@code requires} features the simulator has ({@code ipv6}, {@code nftables}, {@code ipvs},
   * {@code musl}, {@code sctp}).
   */
  default Set<String> features() {
    return Set.of();
  }

  /** Whether a verb can run: the verbs the API server and kubectl serve always can. */
  default boolean supports(Verb verb) {
    return switch (verb) {
      case EXEC -> exec();
      case HTTP -> http();
      case PACKET -> packet();
      case DNS -> dns();
      case RESOLVE -> resolve();
      case RESOLV_CONF -> resolvConf();
      case ENV -> env();
      case REACHABILITY, CONNECT -> connect();
      case APPLY, DELETE, ADVANCE, KUBECTL, GET -> true;
    };
  }
}
