package dev.kubesim.impl.net;

/**
 * A node's packet-filtering rules as the network consults them: once per new connection, at nat
 * PREROUTING for a packet that arrived on an interface or nat OUTPUT for one the node sent. kube-proxy
 * programs them (see {@code dev.kubesim.impl.proxy.KubeProxy}); conntrack replays the
 * decision for the rest of the connection.
 */
@FunctionalInterface
public interface Netfilter {
  /** A node without rules. */
  Netfilter NONE = (packet, local) -> PacketDecision.noMatch(packet);

  /**
   * Decides the first packet of a new connection.
   *
   * @param locallyGenerated whether the node itself sent it (OUTPUT) rather than received it (PREROUTING)
   */
  PacketDecision decide(Packet packet, boolean locallyGenerated);
}
