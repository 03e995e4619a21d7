package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.IpProtocol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the rules of one service port: the body of the per-service-port loop of {@code
 * syncProxyRules} in pkg/proxy/iptables/proxier.go, with its rule texts and order. Where a port
 * has no usable endpoints, only filter rules are written (REJECT with no endpoints at all, DROP
 * for a Local policy without local endpoints).
 */
final class ServicePortRuleWriter {
  static final String KUBE_SERVICES = "KUBE-SERVICES";
  static final String KUBE_EXTERNAL_SERVICES = "KUBE-EXTERNAL-SERVICES";
  static final String KUBE_NODEPORTS = "KUBE-NODEPORTS";
  static final String KUBE_PROXY_FIREWALL = "KUBE-PROXY-FIREWALL";
  static final String KUBE_MARK_MASQ = "KUBE-MARK-MASQ";
  /** The nfacct counter of localhost nodePort traffic. */
  static final String LOCALHOST_NODEPORT_COUNTER = "localhost_nps_accepted_pkts";

  private final ServicePortInfo svc;
  private final ProxierConfig config;
  private final ServicePortRules out;
  private final String name;
  private final IpProtocol protocol;
  /** Each endpoint's {@code ip:port} and KUBE-SEP chain, worked out once per sync however many rules name them. */
  private final Map<EndpointInfo, EndpointNames> endpointNames = new HashMap<>();
  private int order;

  private record EndpointNames(String address, String chain) {}

  private ServicePortRuleWriter(ServicePortInfo svc, List<EndpointInfo> endpoints, ProxierConfig config) {
    this.svc = svc;
    this.config = config;
    this.out = new ServicePortRules(svc, endpoints);
    this.name = svc.name().toString();
    this.protocol = svc.protocol();
  }

  /** The rules of a service port with its endpoints (sorted by {@code ip:port}) on this node. */
  static ServicePortRules write(ServicePortInfo svc, List<EndpointInfo> endpoints, ProxierConfig config) {
    return new ServicePortRuleWriter(svc, endpoints, config).write(endpoints);
  }

  private EndpointNames names(EndpointInfo ep) {
    return endpointNames.computeIfAbsent(ep, e -> {
      String address = e.toString();
      return new EndpointNames(address, ChainNames.endpoint(svc.name(), address));
    });
  }

  private Rule.Builder rule(Table table, String chain) {
    return Rule.append(table, chain).owner(svc.name(), order++);
  }

  private ServicePortRules write(List<EndpointInfo> endpoints) {
    Topology.Categorized cat = Topology.categorize(endpoints, svc);
    Topology.Policies policies = Topology.Policies.of(cat, svc);
    String clusterPolicyChain = ChainNames.service(svc.name());
    boolean usesClusterPolicyChain = policies.usesClusterPolicy();
    String localPolicyChain = ChainNames.local(svc.name());
    boolean usesLocalPolicyChain = policies.usesLocalPolicy();
    String internalTrafficChain = policies.internalLocal() ? localPolicyChain : clusterPolicyChain;
    boolean hasInternalEndpoints = policies.hasInternalEndpoints();
    String externalPolicyChain = policies.externalLocal() ? localPolicyChain : clusterPolicyChain;
    boolean hasExternalEndpoints = policies.hasExternalEndpoints();
    String externalTrafficChain = ChainNames.external(svc.name());
    // The short-circuit rules for local traffic are needed even without external endpoints.
    boolean usesExternalTrafficChain = cat.hasAny() && svc.externallyAccessible();
    String fwChain = ChainNames.firewall(svc.name());
    boolean usesFWChain = cat.hasAny() && !svc.loadBalancerVIPs().isEmpty() && !svc.loadBalancerSourceRanges().isEmpty();
    String loadBalancerTrafficChain = usesFWChain ? fwChain : externalTrafficChain;

    String internalFilterTarget = null;
    String internalFilterComment = null;
    String externalFilterTarget = null;
    String externalFilterComment = null;
    if (!cat.hasAny()) {
      internalFilterTarget = "REJECT";
      internalFilterComment = name + " has no endpoints";
      externalFilterTarget = "REJECT";
      externalFilterComment = internalFilterComment;
    } else {
      if (!hasInternalEndpoints) {
        internalFilterTarget = "DROP";
        internalFilterComment = name + " has no local endpoints";
      }
      if (!hasExternalEndpoints) {
        externalFilterTarget = "DROP";
        externalFilterComment = name + " has no local endpoints";
      }
    }

    // Declare the port's own chains first: rules may be written to them before their chain line.
    if (usesExternalTrafficChain) {
      out.declareChain(externalTrafficChain, List.of());
    }
    if (usesFWChain) {
      out.declareChain(fwChain, List.of());
    }
    if (usesClusterPolicyChain) {
      out.declareChain(clusterPolicyChain, addresses(cat.cluster()));
    }
    if (usesLocalPolicyChain) {
      out.declareChain(localPolicyChain, addresses(cat.local()));
    }
    for (EndpointInfo ep : cat.allReachable()) {
      out.declareChain(names(ep).chain(), List.of());
    }

    // Capture the clusterIP.
    if (hasInternalEndpoints) {
      out.add(rule(Table.NAT, KUBE_SERVICES).comment(name + " cluster IP").protocol(protocol)
          .destination(svc.clusterIP()).destinationPort(svc.port()).jump(internalTrafficChain));
    } else {
      out.add(rule(Table.FILTER, KUBE_SERVICES).comment(internalFilterComment).protocol(protocol)
          .destination(svc.clusterIP()).destinationPort(svc.port()).jump(internalFilterTarget));
    }

    // Capture externalIPs.
    for (String externalIP : svc.externalIPs()) {
      if (cat.hasAny()) {
        out.add(rule(Table.NAT, KUBE_SERVICES).comment(name + " external IP").protocol(protocol)
            .destination(externalIP).destinationPort(svc.port()).jump(externalTrafficChain));
      }
      if (!hasExternalEndpoints) {
        out.add(rule(Table.FILTER, KUBE_EXTERNAL_SERVICES).comment(externalFilterComment).protocol(protocol)
            .destination(externalIP).destinationPort(svc.port()).jump(externalFilterTarget));
      }
    }

    // Capture load-balancer ingress.
    for (String lbip : svc.loadBalancerVIPs()) {
      if (cat.hasAny()) {
        out.add(rule(Table.NAT, KUBE_SERVICES).comment(name + " loadbalancer IP").protocol(protocol)
            .destination(lbip).destinationPort(svc.port()).jump(loadBalancerTrafficChain));
      }
      if (usesFWChain) {
        out.add(rule(Table.FILTER, KUBE_PROXY_FIREWALL).comment(name + " traffic not accepted by " + fwChain)
            .protocol(protocol).destination(lbip).destinationPort(svc.port()).jump("DROP"));
      }
    }
    if (!hasExternalEndpoints) {
      for (String lbip : svc.loadBalancerVIPs()) {
        out.add(rule(Table.FILTER, KUBE_EXTERNAL_SERVICES).comment(externalFilterComment).protocol(protocol)
            .destination(lbip).destinationPort(svc.port()).jump(externalFilterTarget));
      }
    }

    // Capture nodePorts; loadBalancerSourceRanges do not apply to them.
    if (svc.nodePort() != 0) {
      if (cat.hasAny()) {
        if (config.localhostNodePorts()) {
          out.add(rule(Table.NAT, KUBE_NODEPORTS).comment(name).protocol(protocol).destination("127.0.0.0/8")
              .destinationPort(svc.nodePort()).nfacct(LOCALHOST_NODEPORT_COUNTER).jump(externalTrafficChain));
        }
        out.add(rule(Table.NAT, KUBE_NODEPORTS).comment(name).protocol(protocol)
            .destinationPort(svc.nodePort()).jump(externalTrafficChain));
      }
      if (!hasExternalEndpoints) {
        out.add(rule(Table.FILTER, KUBE_EXTERNAL_SERVICES).comment(externalFilterComment).destinationTypeLocal()
            .protocol(protocol).destinationPort(svc.nodePort()).jump(externalFilterTarget));
      }
    }

    // The health-check nodePort is opened whether or not this node has local endpoints.
    if (svc.healthCheckNodePort() != 0) {
      out.add(rule(Table.FILTER, KUBE_NODEPORTS).comment(name + " health check node port").protocol(IpProtocol.TCP)
          .destinationPort(svc.healthCheckNodePort()).jump("ACCEPT"));
    }

    if (hasInternalEndpoints) {
      writeInternalMasquerade(internalTrafficChain);
    }
    if (usesExternalTrafficChain) {
      writeExternalChain(externalTrafficChain, clusterPolicyChain, externalPolicyChain, hasExternalEndpoints);
    }
    if (usesFWChain) {
      writeFirewallChain(fwChain, externalTrafficChain);
    }
    if (usesClusterPolicyChain) {
      writeServiceToEndpointRules(clusterPolicyChain, cat.cluster());
    }
    if (usesLocalPolicyChain) {
      writeServiceToEndpointRules(localPolicyChain, cat.local());
    }
    for (EndpointInfo ep : cat.allReachable()) {
      EndpointNames epNames = names(ep);
      String endpointChain = epNames.chain();
      // Traffic that loops back to the endpoint it came from is masqueraded (hairpin).
      out.add(rule(Table.NAT, endpointChain).comment(name).source(ep.ip()).jump(KUBE_MARK_MASQ));
      Rule.Builder dnat = rule(Table.NAT, endpointChain).comment(name);
      if (svc.clientIpAffinity()) {
        dnat.recentSet(endpointChain);
      }
      out.add(dnat.protocol(protocol).dnat(epNames.address()));
    }
    return out.done();
  }

  /** Masquerades off-cluster traffic to the clusterIP (or everything with masqueradeAll). */
  private void writeInternalMasquerade(String internalTrafficChain) {
    if (config.masqueradeAll()) {
      out.add(rule(Table.NAT, internalTrafficChain).comment(name + " cluster IP").protocol(protocol)
          .destination(svc.clusterIP()).destinationPort(svc.port()).jump(KUBE_MARK_MASQ));
    } else if (config.podCidr().isPresent()) {
      out.add(rule(Table.NAT, internalTrafficChain).comment(name + " cluster IP").protocol(protocol)
          .destination(svc.clusterIP()).destinationPort(svc.port()).notSource(config.podCidr().get().toString())
          .jump(KUBE_MARK_MASQ));
    }
  }

  private void writeExternalChain(String ext, String clusterPolicyChain, String externalPolicyChain, boolean hasExternalEndpoints) {
    if (!svc.externalPolicyLocal()) {
      // Cluster policy may cross nodes, so the reply must come back through this one.
      out.add(rule(Table.NAT, ext).comment("masquerade traffic for " + name + " external destinations").jump(KUBE_MARK_MASQ));
    } else {
      if (config.podCidr().isPresent()) {
        // Pod traffic to an external destination is not subject to either policy.
        out.add(rule(Table.NAT, ext).comment("pod traffic for " + name + " external destinations")
            .source(config.podCidr().get().toString()).jump(clusterPolicyChain));
      }
      // The node itself picks a local address as source, so it must be masqueraded.
      out.add(rule(Table.NAT, ext).comment("masquerade LOCAL traffic for " + name + " external destinations")
          .sourceTypeLocal().jump(KUBE_MARK_MASQ));
      out.add(rule(Table.NAT, ext).comment("route LOCAL traffic for " + name + " external destinations")
          .sourceTypeLocal().jump(clusterPolicyChain));
    }
    if (hasExternalEndpoints) {
      out.add(rule(Table.NAT, ext).jump(externalPolicyChain));
    }
  }

  private void writeFirewallChain(String fw, String ext) {
    boolean allowFromNode = false;
    for (Cidr range : svc.loadBalancerSourceRanges()) {
      out.add(rule(Table.NAT, fw).comment(name + " loadbalancer IP").source(range.toString()).jump(ext));
      allowFromNode |= range.contains(config.nodeIP());
    }
    // A VIP bound on the node loops a node's own request back with the VIP as source.
    if (allowFromNode) {
      for (String lbip : svc.loadBalancerVIPs()) {
        out.add(rule(Table.NAT, fw).comment(name + " loadbalancer IP").source(lbip).jump(ext));
      }
    }
    out.add(rule(Table.NAT, fw).comment("other traffic to " + name + " will be dropped by KUBE-PROXY-FIREWALL").noTarget());
  }

  /** Affinity checks first, then one rule per endpoint with probability 1/n, 1/(n-1), ..., 1. */
  private void writeServiceToEndpointRules(String chain, List<EndpointInfo> endpoints) {
    if (svc.clientIpAffinity()) {
      for (EndpointInfo ep : endpoints) {
        EndpointNames epNames = names(ep);
        String sep = epNames.chain();
        out.add(rule(Table.NAT, chain).comment(name + " -> " + epNames.address()).recentCheck(sep, svc.stickyMaxAgeSeconds())
            .jump(sep));
      }
    }
    int n = endpoints.size();
    for (int i = 0; i < n; i++) {
      EndpointNames epNames = names(endpoints.get(i));
      Rule.Builder b = rule(Table.NAT, chain).comment(name + " -> " + epNames.address());
      if (i < n - 1) {
        b.probability(1.0 / (n - i));
      }
      out.add(b.jump(epNames.chain()));
    }
  }

  private List<String> addresses(List<EndpointInfo> endpoints) {
    return endpoints.stream().map(ep -> names(ep).address()).toList();
  }
}
