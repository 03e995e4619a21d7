package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.ServicePortName;
import dev.kubesim.impl.proxy.NftStatement.AddressIs;
import dev.kubesim.impl.proxy.NftStatement.Field;
import dev.kubesim.impl.proxy.NftStatement.Goto;
import dev.kubesim.impl.proxy.NftStatement.Jump;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what kube-proxy's nftables mode writes for one service port: the body of the per-service-
 * port loop of {@code syncProxyRules} in pkg/proxy/nftables/proxier.go. The clusterIP goes into
 * {@code cluster-ips}; each address and port that leads to the Service gets an element in {@code
 * service-ips} or {@code service-nodeports} jumping to the port's chains, or, without usable
 * endpoints, one in {@code no-endpoint-services} or {@code no-endpoint-nodeports} that rejects (no
 * endpoints at all) or drops (a Local policy without local endpoints).
 */
final class NftServicePortWriter {
  private static final NftStatement REJECT = new Goto(NftBaseRules.REJECT_CHAIN);
  private static final NftStatement DROP = new NftStatement.Drop();

  private final ServicePortInfo svc;
  private final ProxierConfig config;
  private final ServicePortName name;
  private final IpProtocol protocol;
  private final Map<String, NftChain> chains = new LinkedHashMap<>();
  private final List<NftElement> elements = new ArrayList<>();
  private final List<String> affinitySets = new ArrayList<>();
  private final Map<EndpointInfo, String> endpointBases = new LinkedHashMap<>();

  private NftServicePortWriter(ServicePortInfo svc, ProxierConfig config) {
    this.svc = svc;
    this.config = config;
    this.name = svc.name();
    this.protocol = svc.protocol();
  }

  /** The rules of a service port with its endpoints (sorted by {@code ip:port}) on this node. */
  static NftServicePortRules write(ServicePortInfo svc, List<EndpointInfo> endpoints, ProxierConfig config) {
    return new NftServicePortWriter(svc, config).write(endpoints);
  }

  private NftServicePortRules write(List<EndpointInfo> endpoints) {
    Topology.Categorized cat = Topology.categorize(endpoints, svc);
    String base = NftChainNames.portBase(name);
    String clusterPolicyChain = NftChainNames.SERVICE_PREFIX + base;
    String localPolicyChain = NftChainNames.LOCAL_PREFIX + base;
    String externalChain = NftChainNames.EXTERNAL_PREFIX + base;
    String firewallChain = NftChainNames.FIREWALL_PREFIX + base;
    Topology.Policies policies = Topology.Policies.of(cat, svc);
    boolean usesClusterPolicyChain = policies.usesClusterPolicy();
    boolean usesLocalPolicyChain = policies.usesLocalPolicy();
    String internalChain = policies.internalLocal() ? localPolicyChain : clusterPolicyChain;
    boolean hasInternalEndpoints = policies.hasInternalEndpoints();
    String externalPolicyChain = policies.externalLocal() ? localPolicyChain : clusterPolicyChain;
    boolean hasExternalEndpoints = policies.hasExternalEndpoints();
    // No endpoints anywhere: reject; endpoints, but none here for a Local policy: drop.
    NftStatement internalFilter = cat.hasAny() ? DROP : REJECT;
    NftStatement externalFilter = internalFilter;
    boolean usesExternalChain = cat.hasAny() && svc.externallyAccessible();
    boolean usesFirewallChain = !svc.loadBalancerVIPs().isEmpty() && !svc.loadBalancerSourceRanges().isEmpty();
    String comment = name.toString();
    int clusterIP = Ip4.parse(svc.clusterIP());

    // The clusterIP: cluster-ips always, so that its other ports are rejected.
    if (hasInternalEndpoints) {
      element(NftBaseRules.SERVICE_IPS, destination(clusterIP, svc.port()), new Goto(internalChain), null, comment + " cluster IP");
    } else {
      element(NftBaseRules.NO_ENDPOINT_SERVICES, destination(clusterIP, svc.port()), internalFilter, comment,
          comment + " cluster IP");
    }
    for (String externalIP : svc.externalIPs()) {
      DestinationKey key = destination(Ip4.parse(externalIP), svc.port());
      if (cat.hasAny()) {
        element(NftBaseRules.SERVICE_IPS, key, new Goto(externalChain), null, comment + " external IP");
      }
      if (!hasExternalEndpoints) {
        element(NftBaseRules.NO_ENDPOINT_SERVICES, key, externalFilter, comment, comment + " external IP");
      }
    }
    for (String lbip : svc.loadBalancerVIPs()) {
      DestinationKey key = destination(Ip4.parse(lbip), svc.port());
      if (cat.hasAny()) {
        element(NftBaseRules.SERVICE_IPS, key, new Goto(externalChain), null, comment + " loadbalancer IP");
      }
      if (usesFirewallChain) {
        element(NftBaseRules.FIREWALL_IPS, key, new Goto(firewallChain), null, comment + " loadbalancer IP");
      }
      if (!hasExternalEndpoints) {
        element(NftBaseRules.NO_ENDPOINT_SERVICES, key, externalFilter, comment, comment + " loadbalancer IP");
      }
    }
    // nodePorts; loadBalancerSourceRanges do not apply to them. No rule for the health-check nodePort.
    if (svc.nodePort() != 0) {
      PortKey key = new PortKey(protocol, svc.nodePort());
      String entry = comment + " node port " + svc.nodePort();
      if (cat.hasAny()) {
        element(NftBaseRules.SERVICE_NODEPORTS, key, new Goto(externalChain), null, entry);
      }
      if (!hasExternalEndpoints) {
        element(NftBaseRules.NO_ENDPOINT_NODEPORTS, key, externalFilter, comment, entry);
      }
    }

    if (usesExternalChain) {
      chain(externalChain, externalRules(clusterPolicyChain, externalPolicyChain, hasExternalEndpoints), List.of());
    }
    if (usesFirewallChain) {
      chain(firewallChain, List.of(firewallRule()), List.of());
    }
    if (usesClusterPolicyChain) {
      List<NftRule> rules = new ArrayList<>();
      if (hasInternalEndpoints && internalChain.equals(clusterPolicyChain)) {
        internalMasquerade(clusterIP).ifPresent(rules::add);
      }
      rules.addAll(endpointChoice(cat.cluster()));
      chain(clusterPolicyChain, rules, addresses(cat.cluster()));
    }
    if (usesLocalPolicyChain) {
      List<NftRule> rules = new ArrayList<>();
      if (hasInternalEndpoints && internalChain.equals(localPolicyChain)) {
        internalMasquerade(clusterIP).ifPresent(rules::add);
      }
      rules.addAll(endpointChoice(cat.local()));
      chain(localPolicyChain, rules, addresses(cat.local()));
    }
    for (EndpointInfo ep : cat.allReachable()) {
      String epBase = endpointBase(ep);
      List<NftRule> rules = new ArrayList<>();
      // Traffic that loops back to the endpoint it came from is masqueraded (hairpin).
      rules.add(rule(AddressIs.of(Field.SOURCE, false, ep.ip()), new Jump(NftBaseRules.MARK_MASQ)));
      if (svc.clientIpAffinity()) {
        rules.add(rule(new NftStatement.UpdateAffinity(NftChainNames.AFFINITY_PREFIX + epBase)));
      }
      rules.add(rule(new NftStatement.Dnat(protocol, Ip4.parse(ep.ip()), ep.port(), ep.toString())));
      chain(NftChainNames.ENDPOINT_PREFIX + epBase, rules, List.of());
    }
    return new NftServicePortRules(svc, endpoints, chains, elements, affinitySets);
  }

  /** Off-cluster traffic to the clusterIP is masqueraded (all of it with masqueradeAll). */
  private java.util.Optional<NftRule> internalMasquerade(int clusterIP) {
    AddressIs toClusterIP = AddressIs.of(Field.DESTINATION, false, Ip4.format(clusterIP));
    if (config.masqueradeAll()) {
      return java.util.Optional.of(rule(toClusterIP, new Jump(NftBaseRules.MARK_MASQ)));
    }
    return config.podCidr().map(pods -> rule(toClusterIP, AddressIs.of(Field.SOURCE, true, pods.toString()),
        new Jump(NftBaseRules.MARK_MASQ)));
  }

  private List<NftRule> externalRules(String clusterPolicyChain, String externalPolicyChain, boolean hasExternalEndpoints) {
    List<NftRule> rules = new ArrayList<>();
    if (!svc.externalPolicyLocal()) {
      // Cluster policy may cross nodes, so the reply must come back through this one.
      rules.add(rule(new Jump(NftBaseRules.MARK_MASQ)));
    } else {
      // Pods and the node itself reach every endpoint, whatever the policy; the node is masqueraded.
      config.podCidr().ifPresent(pods -> rules.add(commented("short-circuit pod traffic",
          AddressIs.of(Field.SOURCE, false, pods.toString()), new Goto(clusterPolicyChain))));
      rules.add(commented("masquerade local traffic", new NftStatement.FibLocal(Field.SOURCE), new Jump(NftBaseRules.MARK_MASQ)));
      rules.add(commented("short-circuit local traffic", new NftStatement.FibLocal(Field.SOURCE), new Goto(clusterPolicyChain)));
    }
    if (hasExternalEndpoints) {
      rules.add(rule(new Goto(externalPolicyChain)));
    }
    return rules;
  }

  /** {@code ip saddr != { RANGES[, VIPs] } drop}: a VIP bound on the node loops the node's own request back from it. */
  private NftRule firewallRule() {
    List<String> allowed = new ArrayList<>();
    boolean allowFromNode = false;
    for (Cidr range : svc.loadBalancerSourceRanges()) {
      allowed.add(range.toString());
      allowFromNode |= range.contains(config.nodeIP());
    }
    if (allowFromNode) {
      allowed.addAll(svc.loadBalancerVIPs());
    }
    return rule(AddressIs.anyOf(Field.SOURCE, true, allowed), DROP);
  }

  /** Affinity lookups first, then one endpoint drawn uniformly. */
  private List<NftRule> endpointChoice(List<EndpointInfo> endpoints) {
    List<NftRule> rules = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (EndpointInfo ep : endpoints) {
      String epBase = endpointBase(ep);
      if (svc.clientIpAffinity()) {
        rules.add(rule(new NftStatement.InSet(Field.SOURCE, NftChainNames.AFFINITY_PREFIX + epBase),
            new Goto(NftChainNames.ENDPOINT_PREFIX + epBase)));
      }
      targets.add(NftChainNames.ENDPOINT_PREFIX + epBase);
    }
    rules.add(rule(new NftStatement.RandomChoice(targets)));
    return rules;
  }

  private String endpointBase(EndpointInfo ep) {
    return endpointBases.computeIfAbsent(ep, e -> {
      String b = NftChainNames.endpointBase(name, e);
      if (svc.clientIpAffinity()) {
        affinitySets.add(NftChainNames.AFFINITY_PREFIX + b);
      }
      return b;
    });
  }

  private DestinationKey destination(int address, int port) {
    return new DestinationKey(address, protocol, port);
  }

  private void element(String map, Object key, NftStatement verdict, String comment, String entry) {
    elements.add(new NftElement(map, key, verdict, comment, name, entry));
  }

  private void chain(String chainName, List<NftRule> rules, List<String> backends) {
    chains.put(chainName, new NftChain(chainName, rules, backends));
  }

  private NftRule rule(NftStatement... statements) {
    return new NftRule(List.of(statements), null, name);
  }

  private NftRule commented(String text, NftStatement... statements) {
    return new NftRule(List.of(statements), text, name);
  }

  private static List<String> addresses(List<EndpointInfo> endpoints) {
    return endpoints.stream().map(EndpointInfo::toString).toList();
  }
}
