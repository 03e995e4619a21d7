package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import dev.kubesim.impl.net.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --nodeport-addresses} ({@code proxyutil.NodePortAddresses}): the CIDRs of the node
 * addresses that accept nodePorts, or all of them when none is given. {@code primary} stands for
 * the node's InternalIP.
 */
final class NodePortAddresses {
  private static final String LOOPBACK = "127.0.0.1";

  private final List<Cidr> cidrs;

  private NodePortAddresses(List<Cidr> cidrs) {
    this.cidrs = ImmutableList.copyOf(cidrs);
  }

  /** Parses the option; strings that are not IPv4 CIDRs (or {@code primary}) are ignored, as kube-proxy's IPv4 instance does. */
  static NodePortAddresses parse(List<String> values, String nodeIP) {
    List<Cidr> out = new ArrayList<>();
    for (String v : values) {
      String text = v.equals("primary") ? nodeIP + "/32" : v.trim();
      Cidr.tryParse(text).filter(Cidr::isIPv4).ifPresent(out::add);
    }
    return new NodePortAddresses(out);
  }

  /**
   * No CIDR given, or one of prefix length 0: nodePorts answer on every local address ({@code -m
   * addrtype --dst-type LOCAL}).
   */
  boolean matchAll() {
    return cidrs.isEmpty() || cidrs.stream().anyMatch(c -> c.prefixLength() == 0);
  }

  /** Whether 127.0.0.1 may serve nodePorts; localhost nodePorts are off otherwise. */
  boolean containsIPv4Loopback() {
    return matchAll() || cidrs.stream().anyMatch(c -> c.contains(LOOPBACK));
  }

  /** The node's addresses (loopback first, as interface {@code lo} comes first) inside the CIDRs. */
  List<String> nodeIPs(List<String> nodeAddresses) {
    Set<String> out = new LinkedHashSet<>();
    List<String> all = new ArrayList<>();
    all.add(LOOPBACK);
    all.addAll(nodeAddresses);
    for (String ip : all) {
      if (cidrs.stream().anyMatch(c -> c.contains(ip))) {
        out.add(ip);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return cidrs.toString();
  }
}
