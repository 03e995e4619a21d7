package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code spec.ingress[i]} of a NetworkPolicy: traffic to the selected pods is allowed when it
 * matches one of {@code ports} (any port when empty) and comes from one of {@code from} (any
 * source when empty).
 *
 * @param ports the ports admitted; every port when empty
 * @param from the sources admitted; every source when empty
 */
public record NetworkPolicyIngressRule(
    List<NetworkPolicyPort> ports,
    List<NetworkPolicyPeer> from) {
  /**
   * Absent lists become empty.
   *
   * @param ports the ports admitted; every port when empty
   * @param from the sources admitted; every source when empty
   */
  public NetworkPolicyIngressRule {
    ports = Values.list(ports);
    from = Values.list(from);
  }

  /**
   * A copy with these ports.
   *
   * @param value the new {@code ports}
   * @return a copy of this {@code NetworkPolicyIngressRule} with {@code ports} replaced
   */
  public NetworkPolicyIngressRule withPorts(List<NetworkPolicyPort> value) {
    return new NetworkPolicyIngressRule(value, from);
  }
}
