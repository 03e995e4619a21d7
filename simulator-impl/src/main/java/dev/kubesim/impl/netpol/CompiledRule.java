package dev.kubesim.impl.netpol;

import dev.kubesim.api.model.NetworkPolicyPeer;
import dev.kubesim.api.model.NetworkPolicyPort;
import dev.kubesim.impl.net.IpProtocol;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One rule of a policy's {@code ingress} or {@code egress}: it admits a connection when one of its
 * peers matches (no peers: any) and one of its ports matches (no ports: any port of any protocol).
 *
 * @param index the rule's position in its list, as traces name it ({@code ingress[0]})
 */
record CompiledRule(int index, List<PeerMatch> peers, List<PortMatch> ports) {
  static CompiledRule of(int index, List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    return new CompiledRule(index, peers.stream().map(PeerMatch::of).toList(), ports.stream().map(PortMatch::of).toList());
  }

  /** {@link #admits}'s answer when the rule admits the connection through no particular peer (it has none). */
  static final int ANY_PEER = -1;
  /** {@link #admits}'s answer when the rule does not admit the connection. */
  static final int NO_MATCH = -2;

  /**
   * Whether the rule admits a connection with this peer and destination port: the index of the
   * first matching peer, {@link #ANY_PEER} for a rule without peers, or {@link #NO_MATCH}.
   *
   * @param peerAddress the other end's address (the client for ingress, the server for egress)
   * @param peer the pod at that address, or null
   * @param destination the pod the connection goes to, whose named ports resolve
   */
  int admits(String policyNamespace, int peerAddress, PodEntry peer, IpProtocol protocol, int port,
      NamedPorts destination, Function<String, Map<String, String>> namespaceLabels) {
    if (!ports.isEmpty() && ports.stream().noneMatch(p -> p.matches(protocol, port, destination))) {
      return NO_MATCH;
    }
    if (peers.isEmpty()) {
      return ANY_PEER;
    }
    for (int i = 0; i < peers.size(); i++) {
      if (peers.get(i).matches(policyNamespace, peerAddress, peer, namespaceLabels)) {
        return i;
      }
    }
    return NO_MATCH;
  }
}
