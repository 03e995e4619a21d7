package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.proxy.NftStatement.CtStateNew;
import dev.kubesim.impl.proxy.NftStatement.Field;
import dev.kubesim.impl.proxy.NftStatement.Jump;
import dev.kubesim.impl.proxy.NftStatement.MapKey;
import dev.kubesim.impl.proxy.NftStatement.VerdictMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What kube-proxy's nftables mode writes whatever the Services ({@code setupNFTables}): the table's
 * base chains on the netfilter hooks, their jumps into kube-proxy's own chains, and those chains'
 * fixed rules. Filtering on the destination as the client wrote it happens before DNAT ({@code
 * firewall-check}); the checks for Service ports without endpoints and for invalid ports of
 * clusterIPs happen after it, on the input, forward and output hooks.
 */
final class NftBaseRules {
  static final String SERVICES = "services";
  static final String SERVICE_IPS = "service-ips";
  static final String SERVICE_NODEPORTS = "service-nodeports";
  static final String NODEPORT_IPS = "nodeport-ips";
  static final String CLUSTER_IPS = "cluster-ips";
  static final String SERVICE_ENDPOINTS_CHECK = "service-endpoints-check";
  static final String NODEPORT_ENDPOINTS_CHECK = "nodeport-endpoints-check";
  static final String NO_ENDPOINT_SERVICES = "no-endpoint-services";
  static final String NO_ENDPOINT_NODEPORTS = "no-endpoint-nodeports";
  static final String REJECT_CHAIN = "reject-chain";
  static final String FIREWALL_IPS = "firewall-ips";
  static final String FIREWALL_CHECK = "firewall-check";
  static final String CLUSTER_IPS_CHECK = "cluster-ips-check";
  static final String MARK_MASQ = "mark-for-masquerade";
  static final String MASQUERADING = "masquerading";

  static final String FILTER_PREROUTING_PRE_DNAT = "filter-prerouting-pre-dnat";
  static final String FILTER_OUTPUT_PRE_DNAT = "filter-output-pre-dnat";
  static final String FILTER_INPUT = "filter-input";
  static final String FILTER_FORWARD = "filter-forward";
  static final String FILTER_OUTPUT = "filter-output";
  static final String NAT_PREROUTING = "nat-prerouting";
  static final String NAT_OUTPUT = "nat-output";
  static final String NAT_POSTROUTING = "nat-postrouting";

  /**
   * A chain on a netfilter hook.
   *
   * @param priority the number; {@code nft} prints it by its standard name
   */
  record BaseChain(String name, String type, String hook, int priority) {}

  /** The base chains, in the order kube-proxy creates them. */
  static final List<BaseChain> BASE_CHAINS = List.of(
      new BaseChain(FILTER_PREROUTING_PRE_DNAT, "filter", "prerouting", -110),
      new BaseChain(FILTER_OUTPUT_PRE_DNAT, "filter", "output", -110),
      new BaseChain(FILTER_INPUT, "filter", "input", 0),
      new BaseChain(FILTER_FORWARD, "filter", "forward", 0),
      new BaseChain(FILTER_OUTPUT, "filter", "output", 0),
      new BaseChain(NAT_PREROUTING, "nat", "prerouting", -100),
      new BaseChain(NAT_OUTPUT, "nat", "output", -100),
      new BaseChain(NAT_POSTROUTING, "nat", "postrouting", 100));

  /** The comment of {@code reject-chain}. */
  static final String REJECT_CHAIN_COMMENT = "helper for @no-endpoint-services / @no-endpoint-nodeports";

  private final ImmutableMap<String, List<NftRule>> chains;
  private final ImmutableList<String> nodePortIPs;
  private final ImmutableSet<Integer> nodePortAddresses;
  private final boolean nodePortsOnAllAddresses;

  private NftBaseRules(Map<String, List<NftRule>> chains, List<String> nodePortIPs, boolean nodePortsOnAllAddresses) {
    this.chains = ImmutableMap.copyOf(chains);
    this.nodePortIPs = ImmutableList.copyOf(nodePortIPs);
    this.nodePortAddresses = nodePortIPs.stream().map(Ip4::parse).collect(ImmutableSet.toImmutableSet());
    this.nodePortsOnAllAddresses = nodePortsOnAllAddresses;
  }

  /**
   * The fixed rules for a node.
   *
   * @param serviceCidrs the cluster's service CIDRs (its ServiceCIDR objects), whose unallocated
   *     addresses are dropped
   */
  static NftBaseRules of(ProxierConfig config, List<Cidr> serviceCidrs) {
    Map<String, List<NftRule>> c = new LinkedHashMap<>();
    BASE_CHAINS.forEach(b -> c.put(b.name(), new ArrayList<>()));
    c.get(FILTER_PREROUTING_PRE_DNAT).add(NftRule.of(new CtStateNew(), new Jump(FIREWALL_CHECK)));
    c.get(FILTER_OUTPUT_PRE_DNAT).add(NftRule.of(new CtStateNew(), new Jump(FIREWALL_CHECK)));
    c.get(FILTER_INPUT).add(NftRule.of(new CtStateNew(), new Jump(NODEPORT_ENDPOINTS_CHECK)));
    c.get(FILTER_INPUT).add(NftRule.of(new CtStateNew(), new Jump(SERVICE_ENDPOINTS_CHECK)));
    c.get(FILTER_FORWARD).add(NftRule.of(new CtStateNew(), new Jump(SERVICE_ENDPOINTS_CHECK)));
    c.get(FILTER_FORWARD).add(NftRule.of(new CtStateNew(), new Jump(CLUSTER_IPS_CHECK)));
    c.get(FILTER_OUTPUT).add(NftRule.of(new CtStateNew(), new Jump(SERVICE_ENDPOINTS_CHECK)));
    c.get(FILTER_OUTPUT).add(NftRule.of(new CtStateNew(), new Jump(CLUSTER_IPS_CHECK)));
    c.get(NAT_PREROUTING).add(NftRule.of(new Jump(SERVICES)));
    c.get(NAT_OUTPUT).add(NftRule.of(new Jump(SERVICES)));
    c.get(NAT_POSTROUTING).add(NftRule.of(new Jump(MASQUERADING)));

    boolean all = config.nodePortAddresses().matchAll();
    // Localhost nodePorts are not supported in nftables mode: loopback never accepts them.
    NftStatement.AddressIs notLoopback = NftStatement.AddressIs.of(Field.DESTINATION, true, "127.0.0.0/8");
    NftStatement nodePortAddress = all ? notLoopback : new NftStatement.InSet(Field.DESTINATION, NODEPORT_IPS);
    c.put(NODEPORT_ENDPOINTS_CHECK, List.of(
        NftRule.of(nodePortAddress, new VerdictMap(MapKey.PROTOCOL_PORT, NO_ENDPOINT_NODEPORTS))));
    c.put(SERVICE_ENDPOINTS_CHECK, List.of(NftRule.of(new VerdictMap(MapKey.ADDRESS_PROTOCOL_PORT, NO_ENDPOINT_SERVICES))));
    c.put(FIREWALL_CHECK, List.of(NftRule.of(new VerdictMap(MapKey.ADDRESS_PROTOCOL_PORT, FIREWALL_IPS))));
    List<NftRule> services = new ArrayList<>();
    services.add(NftRule.of(new VerdictMap(MapKey.ADDRESS_PROTOCOL_PORT, SERVICE_IPS)));
    services.add(all
        ? NftRule.of(new NftStatement.FibLocal(Field.DESTINATION), notLoopback, new VerdictMap(MapKey.PROTOCOL_PORT, SERVICE_NODEPORTS))
        : NftRule.of(nodePortAddress, new VerdictMap(MapKey.PROTOCOL_PORT, SERVICE_NODEPORTS)));
    c.put(SERVICES, services);
    c.put(MASQUERADING, List.of(
        NftRule.of(new NftStatement.Unmarked(), new NftStatement.Return()),
        NftRule.of(new NftStatement.SetMark(true)),
        NftRule.of(new NftStatement.Masquerade())));
    List<NftRule> clusterIPs = new ArrayList<>();
    clusterIPs.add(NftRule.commented("Reject traffic to invalid ports of ClusterIPs",
        new NftStatement.InSet(Field.DESTINATION, CLUSTER_IPS), new NftStatement.Reject()));
    List<String> cidrs = serviceCidrs.stream().filter(Cidr::isIPv4).map(Cidr::toString).toList();
    if (!cidrs.isEmpty()) {
      clusterIPs.add(NftRule.commented("Drop traffic to unallocated ClusterIPs",
          NftStatement.AddressIs.anyOf(Field.DESTINATION, false, cidrs), new NftStatement.Drop()));
    }
    c.put(CLUSTER_IPS_CHECK, clusterIPs);
    c.put(MARK_MASQ, List.of(NftRule.of(new NftStatement.SetMark(false))));
    c.put(REJECT_CHAIN, List.of(NftRule.of(new NftStatement.Reject())));

    List<String> nodePortIPs = all ? List.of()
        : config.nodePortAddresses().nodeIPs(config.nodeAddresses()).stream().filter(ip -> !ip.startsWith("127.")).toList();
    return new NftBaseRules(c, nodePortIPs, all);
  }

  /** The fixed rules of a chain; empty for a chain that is not one of them. */
  Optional<List<NftRule>> rules(String chain) {
    return Optional.ofNullable(chains.get(chain));
  }

  /** The fixed chains with their rules, base chains first, in creation order. */
  Map<String, List<NftRule>> chains() {
    return chains;
  }

  /** The elements of {@code nodeport-ips}: the node addresses that accept nodePorts (loopback never). */
  List<String> nodePortIPs() {
    return nodePortIPs;
  }

  /** Whether an address is in {@code nodeport-ips}. */
  boolean isNodePortAddress(int address) {
    return nodePortAddresses.contains(address);
  }

  /** Whether every non-loopback node address accepts nodePorts: {@code nodeport-ips} does not exist then. */
  boolean nodePortsOnAllAddresses() {
    return nodePortsOnAllAddresses;
  }
}
