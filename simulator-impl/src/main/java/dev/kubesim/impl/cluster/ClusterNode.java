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
  public String toString() {
    return "node " + name() + (kubelet.isRunning() ? "" : " (stopped)");
  }
}
