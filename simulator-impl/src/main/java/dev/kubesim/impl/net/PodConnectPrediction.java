package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import java.util.Optional;

/**
 * What a TCP connection attempt from one pod to another pod's IP ends in, found without walking its
 * packets, for the reachability matrix of many pods. Between two pods of the pod network on nodes
 * that are up, nothing but the two nodes' netfilter rules and the NetworkPolicy enforcement can
 * change the handshake's fate; so when kube-proxy's rules leave the SYN alone on both nodes, the
 * answer is the policy decisions' and the server's listener's, exactly as {@link TcpConnection}
 * would find it. In every other case there is no prediction and the caller walks the packets.
 */
public final class PodConnectPrediction {
  /** How the attempt would end: connected, refused or timed out, with the deciding object and why. */
  public record Outcome(TcpConnection.Status status, Optional<ObjectRef> object, String reason) {}

  private PodConnectPrediction() {}

  /**
   * The outcome of connecting from {@code client} to {@code destination:port} within its time
   * limit, or empty when it cannot be known without walking the packets.
   */
  public static Optional<Outcome> tcp(Network net, Netns client, int destination, int port) {
    Netns server = net.clusterAddress(destination);
    if (client.kind() != Netns.Kind.POD || server == null || server.kind() != Netns.Kind.POD || server == client
        || !client.node().up() || !server.node().up()) {
      return Optional.empty();
    }
    Packet syn = Packet.opening(IpProtocol.TCP, client.address(), 0, destination, port);
    if (client.node().netfilter().decide(syn, false).verdict() != Verdict.NO_MATCH
        || server.node() != client.node() && server.node().netfilter().decide(syn, false).verdict() != Verdict.NO_MATCH) {
      return Optional.empty();
    }
    PodFirewall firewall = net.podFirewall();
    for (Optional<PacketDecision> d : java.util.List.of(firewall.egress(client, syn), firewall.ingress(server, syn))) {
      if (d.isPresent() && d.get().verdict() == Verdict.DROP) {
        return Optional.of(new Outcome(TcpConnection.Status.CLIENT_TIMEOUT, d.get().object(), d.get().reason()));
      }
    }
    if (!server.sockets().listening(IpProtocol.TCP, port)) {
      return Optional.of(new Outcome(TcpConnection.Status.REFUSED, Optional.of(server.object()),
          "nothing listens on TCP port " + port + " in " + server.object()));
    }
    ObjectRef owner = server.sockets().owner(IpProtocol.TCP, port).orElseGet(server::object);
    return Optional.of(new Outcome(TcpConnection.Status.CONNECTED, Optional.of(owner), ""));
  }
}
