package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * kube-proxy's settings on every node.
 *
 * @param mode {@code iptables} (default), {@code nftables} or {@code ipvs} ({@code ipvs} is accepted
 *     but not simulated: asking its rules about a packet fails)
 * @param masqueradeAll {@code --masquerade-all}: SNAT every packet sent to a ClusterIP
 * @param detectLocal {@code ClusterCIDR} (default) or {@code None}: how pod traffic is told apart
 * @param localhostNodePorts whether nodePorts answer on 127.0.0.1 (default true; iptables mode only,
 *     nftables mode never serves them)
 * @param nodePortAddresses CIDRs of the node addresses that serve nodePorts ({@code primary} for the
 *     node's InternalIP); empty for the mode's default: every address in iptables mode, the primary
 *     node IP in nftables mode
 */
public record KubeProxyOptions(
    String mode, boolean masqueradeAll, String detectLocal, boolean localhostNodePorts, List<String> nodePortAddresses) {
  /**
   * Checks that no field is {@code null}; a mode other than {@code iptables}, {@code nftables} or
   * {@code ipvs} is refused with an {@code IllegalArgumentException}.
   *
   * @param mode {@code iptables} (default), {@code nftables} or {@code ipvs}
   * @param masqueradeAll {@code --masquerade-all}: SNAT every packet sent to a ClusterIP
   * @param detectLocal {@code ClusterCIDR} (default) or {@code None}: how pod traffic is told apart
   * @param localhostNodePorts whether nodePorts answer on 127.0.0.1 (default true; iptables mode only)
   * @param nodePortAddresses CIDRs of the node addresses that serve nodePorts; empty for the mode's default
   */
  public KubeProxyOptions {
    Objects.requireNonNull(mode, "mode");
    if (!List.of("iptables", "nftables", "ipvs").contains(mode)) {
      throw new IllegalArgumentException("kube-proxy mode must be iptables, nftables or ipvs, got \"" + mode + "\"");
    }
    if (!List.of("ClusterCIDR", "None").contains(detectLocal)) {
      throw new IllegalArgumentException("detectLocal must be ClusterCIDR or None, got \"" + detectLocal + "\"");
    }
    nodePortAddresses = ImmutableList.copyOf(nodePortAddresses);
  }

  /** {@return iptables mode, no masquerade-all, ClusterCIDR detection, localhost nodePorts, all addresses} */
  public static KubeProxyOptions defaults() {
    return new KubeProxyOptions("iptables", false, "ClusterCIDR", true, List.of());
  }

  /**
   * The same settings in another mode ({@code --proxy-mode}).
   *
   * @param value {@code iptables}, {@code nftables} or {@code ipvs}
   * @return the settings with that mode
   */
  public KubeProxyOptions withMode(String value) {
    return new KubeProxyOptions(value, masqueradeAll, detectLocal, localhostNodePorts, nodePortAddresses);
  }
}
