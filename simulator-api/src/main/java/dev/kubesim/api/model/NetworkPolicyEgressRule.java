package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code spec.egress[i]} of a NetworkPolicy: traffic from the selected pods is allowed when it
 * matches one of {@code ports} (any port when empty) and goes to one of {@code to} (any
 * destination when empty).
 *
 * @param ports the ports allowed; every port when empty
 * @param to the destinations allowed; every destination when empty
 */
public record NetworkPolicyEgressRule(
    List<NetworkPolicyPort> ports,
    List<NetworkPolicyPeer> to) {
  /**
   * Absent lists become empty.
   *
   * @param ports the ports allowed; every port when empty
   * @param to the destinations allowed; every destination when empty
   */
  public NetworkPolicyEgressRule {
    ports = Values.list(ports);
    to = Values.list(to);
  }

  /**
   * A copy with these ports.
   *
   * @param value the new {@code ports}
   * @return a copy of this {@code NetworkPolicyEgressRule} with {@code ports} replaced
   */
  public NetworkPolicyEgressRule withPorts(List<NetworkPolicyPort> value) {
    return new NetworkPolicyEgressRule(value, to);
  }
}
