package dev.kubesim.api.model;

import java.util.List;

/**
 * {@code spec.ingress[i]} of a NetworkPolicy: traffic to the selected pods is allowed when it
 * matches one of {@code ports} (any port when empty) and comes from one of {@code from} (any
 * source when empty).
 */
public record NetworkPolicyIngressRule(
    List<NetworkPolicyPort> ports,
    List<NetworkPolicyPeer> from) {
  /** Absent lists become empty. */
  public NetworkPolicyIngressRule {
    ports = Values.list(ports);
    from = Values.list(from);
  }

  /** A copy with these ports. */
  public NetworkPolicyIngressRule withPorts(List<NetworkPolicyPort> value) {
    return new NetworkPolicyIngressRule(value, from);
  }
}
