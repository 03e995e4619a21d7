package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.ServicePortName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The iptables rules of one node: kube-proxy's fixed rules plus each service port's block. The
 * shared chains are held hashed ({@link RuleIndex}) so that a packet meets only the rules that
 * could match it; a service port's block is added and removed whole, touching only its own keys.
 */
final class IptablesRules {
  private final TreeMap<ServicePortName, ServicePortRules> services = new TreeMap<>();
  private final Map<String, ServiceChain> serviceChains = new HashMap<>();
  private final RuleIndex<DestinationKey> natServices = new RuleIndex<>();
  private final RuleIndex<PortKey> natNodePorts = new RuleIndex<>();
  private final RuleIndex<DestinationKey> filterServices = new RuleIndex<>();
  private final RuleIndex<DestinationKey> filterExternalByDestination = new RuleIndex<>();
  private final RuleIndex<PortKey> filterExternalByPort = new RuleIndex<>();
  private final RuleIndex<PortKey> filterNodePorts = new RuleIndex<>();
  private final RuleIndex<DestinationKey> filterFirewall = new RuleIndex<>();
  private BaseRules base;

  IptablesRules(BaseRules base) {
    this.base = base;
  }

  void setBase(BaseRules value) {
    base = value;
  }

  BaseRules base() {
    return base;
  }

  /** Adds (or replaces) the block of one service port. */
  void put(ServicePortRules block) {
    remove(block.name());
    services.put(block.name(), block);
    for (Rule r : block.sharedChainRules()) {
      index(r, true);
    }
    serviceChains.putAll(block.chains());
  }

  /** Removes the block of one service port; returns it. */
  Optional<ServicePortRules> remove(ServicePortName name) {
    ServicePortRules old = services.remove(name);
    if (old == null) {
      return Optional.empty();
    }
    for (Rule r : old.sharedChainRules()) {
      index(r, false);
    }
    old.chains().keySet().forEach(serviceChains::remove);
    return Optional.of(old);
  }

  private void index(Rule r, boolean add) {
    String chain = r.chain();
    if (r.table() == Table.NAT) {
      switch (chain) {
        case ServicePortRuleWriter.KUBE_SERVICES -> update(natServices, destinationKey(r), r, add);
        case ServicePortRuleWriter.KUBE_NODEPORTS -> update(natNodePorts, portKey(r), r, add);
        default -> throw new IllegalStateException("unexpected shared nat chain " + chain);
      }
      return;
    }
    switch (chain) {
      case ServicePortRuleWriter.KUBE_SERVICES -> update(filterServices, destinationKey(r), r, add);
      case ServicePortRuleWriter.KUBE_EXTERNAL_SERVICES -> {
        if (r.destination != null) {
          update(filterExternalByDestination, destinationKey(r), r, add);
        } else {
          update(filterExternalByPort, portKey(r), r, add);
        }
      }
      case ServicePortRuleWriter.KUBE_NODEPORTS -> update(filterNodePorts, portKey(r), r, add);
      case ServicePortRuleWriter.KUBE_PROXY_FIREWALL -> update(filterFirewall, destinationKey(r), r, add);
      default -> throw new IllegalStateException("unexpected shared filter chain " + chain);
    }
  }

  private static <K> void update(RuleIndex<K> index, K key, Rule rule, boolean add) {
    if (add) {
      index.add(key, rule);
    } else {
      index.remove(key, rule);
    }
  }

  private static DestinationKey destinationKey(Rule r) {
    return new DestinationKey(r.destination.base(), r.protocol, r.destinationPort);
  }

  private static PortKey portKey(Rule r) {
    return new PortKey(r.protocol, r.destinationPort);
  }

  /**
   * The rules of a chain that a packet to {@code destination:port}/{@code protocol} can match, in
   * chain order: hashed lookups for the shared chains, the whole chain otherwise.
   */
  List<Rule> rules(Table table, String chain, int destination, IpProtocol protocol, int port) {
    DestinationKey dk = new DestinationKey(destination, protocol, port);
    PortKey pk = new PortKey(protocol, port);
    if (table == Table.NAT) {
      switch (chain) {
        case ServicePortRuleWriter.KUBE_SERVICES:
          return concat(natServices.get(dk), base.rules(table, chain));
        case ServicePortRuleWriter.KUBE_NODEPORTS:
          return natNodePorts.get(pk);
        default:
          ServiceChain own = serviceChains.get(chain);
          return own != null ? own.rules() : base.rules(table, chain);
      }
    }
    switch (chain) {
      case ServicePortRuleWriter.KUBE_SERVICES:
        return filterServices.get(dk);
      case ServicePortRuleWriter.KUBE_EXTERNAL_SERVICES:
        return merge(filterExternalByDestination.get(dk), filterExternalByPort.get(pk));
      case ServicePortRuleWriter.KUBE_NODEPORTS:
        return filterNodePorts.get(pk);
      case ServicePortRuleWriter.KUBE_PROXY_FIREWALL:
        return filterFirewall.get(dk);
      default:
        return base.rules(table, chain);
    }
  }

  /** One of a service port's own chains, by name. */
  Optional<ServiceChain> serviceChain(String name) {
    return Optional.ofNullable(serviceChains.get(name));
  }

  /** The service-port blocks in (namespace, name, port, protocol) order. */
  Collection<ServicePortRules> services() {
    return Collections.unmodifiableCollection(services.values());
  }

  /** Keys in the hashed nat KUBE-SERVICES chain: one per (VIP, protocol, port). */
  int natServiceKeys() {
    return natServices.keys();
  }

  private static List<Rule> concat(List<Rule> a, List<Rule> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    List<Rule> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  private static List<Rule> merge(List<Rule> a, List<Rule> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    List<Rule> out = new ArrayList<>(concat(a, b));
    out.sort(RuleIndex.CHAIN_ORDER);
    return out;
  }
}
