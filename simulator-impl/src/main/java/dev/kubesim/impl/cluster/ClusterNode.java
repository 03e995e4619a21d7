package dev.kubesim.impl.cluster;

import dev.kubesim.api.NodeConfig;
import dev.kubesim.api.NodeHandle;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.impl.kubelet.Kubelet;

/** {@link NodeHandle} of a simulated cluster: stopping and starting a node is its kubelet's. */
final class ClusterNode implements NodeHandle {
  private final SimCluster cluster;
  private final NodeConfig config;
  private final Kubelet kubelet;

  private ClusterNode(SimCluster cluster, NodeConfig config, Kubelet kubelet) {
    this.cluster = cluster;
    this.config = config;
    this.kubelet = kubelet;
  }

  /** The handle of a configured node, or NotFound in the API server's words. */
  static ClusterNode of(SimCluster cluster, String name) {
    NodeConfig config = cluster.options().nodes().stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("nodes \"" + name + "\" not found"));
    Kubelet kubelet = cluster.kubelet(name).orElseThrow(() -> new NotFoundException("nodes \"" + name + "\" not found"));
    return new ClusterNode(cluster, config, kubelet);
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public String ip() {
    return config.internalIP();
  }

  @Override
  public void stop() {
    cluster.underLock(() -> {
      kubelet.stop();
      cluster.loop().settle();
      return null;
    });
  }

  @Override
  public void start() {
    cluster.underLock(() -> {
      kubelet.resume();
      cluster.loop().settle();
      return null;
    });
  }

  @Override
  public boolean isRunning() {
    return cluster.underLock(kubelet::isRunning);
  }

  @Override
  public String iptablesSave() {
    return cluster.underLock(() -> cluster.kubeProxy(name())
        .orElseThrow(() -> new NotFoundException("nodes \"" + name() + "\" not found")).iptablesSave());
  }

  @Override
  public String nftListRuleset() {
    return cluster.underLock(() -> cluster.kubeProxy(name())
        .orElseThrow(() -> new NotFoundException("nodes \"" + name() + "\" not found")).nftListRuleset());
  }

  @Override
  public dev.kubesim.api.NetfilterDecision netfilter(dev.kubesim.api.OpeningPacket packet) {
    dev.kubesim.impl.net.Packet opening = dev.kubesim.impl.net.Packet.opening(
        dev.kubesim.impl.net.IpProtocol.parse(packet.protocol()), dev.kubesim.impl.net.Ip4.parse(packet.source()),
        packet.sourcePort(), dev.kubesim.impl.net.Ip4.parse(packet.destination()), packet.destinationPort());
    return cluster.underLock(() -> {
      dev.kubesim.impl.net.PacketDecision d = cluster.network().netfilterDecision(name(), opening);
      return new dev.kubesim.api.NetfilterDecision(dev.kubesim.api.NetfilterDecision.Verdict.valueOf(d.verdict().name()),
          d.backends(), d.masquerade());
    });
  }

  @Override
  public java.util.Optional<dev.kubesim.api.DnsResponse> queryDns(String name, String type) {
    return cluster.underLock(() -> ClusterDnsQueries.clusterDnsAddress(cluster).flatMap(nameserver ->
        new dev.kubesim.impl.resolver.PacketDnsTransport(cluster.network(), cluster.network().untracedSession(), netns())
            .query(name(), nameserver, name, type))
        .map(ClusterDnsQueries::response));
  }

  @Override
  public dev.kubesim.api.HttpResult http(dev.kubesim.api.program.HttpRequest request) {
    java.util.Objects.requireNonNull(request, "request");
    return cluster.underLock(() -> {
      dev.kubesim.api.HttpResult result =
          NodeHttp.send(cluster.network(), netns(), name(), cluster.options().hostResolvConf(), request);
      cluster.loop().settle();
      return result;
    });
  }

  /** The node's own network namespace. */
  private dev.kubesim.impl.net.Netns netns() {
    return cluster.network().node(name()).map(dev.kubesim.impl.net.NodeHost::netns)
        .orElseThrow(() -> new IllegalStateException("node " + name() + " is not on the network"));
  }

  @Override
  public String toString() {
    return "node " + name() + (kubelet.isRunning() ? "" : " (stopped)");
  }
}
