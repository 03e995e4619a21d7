package dev.kubesim.impl.proxy;

import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.ServicePortName;
import java.util.List;
import java.util.Map;

/**
 * A kube-proxy backend on one node: it turns service ports and their endpoints into its data-plane
 * rules and decides packets with them. {@link KubeProxy} does the watching and calls it with one
 * Service at a time: {@link IptablesProxier} and {@link NftablesProxier}; IPVS mode would plug in here.
 */
public interface ProxyMode {
  /** {@code iptables}, {@code nftables} or {@code ipvs}. */
  String name();

  /**
   * Replaces the rules of one Service with rules for these ports (none when the Service is gone or
   * not proxied) and their endpoints, keyed by service port name.
   */
  void syncService(ObjectKey service, List<ServicePortInfo> ports, Map<ServicePortName, List<EndpointInfo>> endpoints);

  /** The node's addresses changed. */
  void syncNode(ProxierConfig config);

  /** What the rules do with the first packet of a new connection; draws and affinity state are consumed. */
  PacketDecision decide(Packet packet, boolean locallyGenerated);

  /** The rules as the mode's own tool prints them ({@code iptables-save}, {@code nft list ruleset}, {@code ipvsadm -Ln}). */
  String dump();
}
