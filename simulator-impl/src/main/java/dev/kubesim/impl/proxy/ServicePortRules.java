package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.kubesim.impl.net.ServicePortName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything kube-proxy writes for one service port in one sync: its entries in the shared chains
 * (nat and filter {@code KUBE-SERVICES}, {@code KUBE-NODEPORTS}, {@code KUBE-EXTERNAL-SERVICES},
 * {@code KUBE-PROXY-FIREWALL}) and its own chains. Replaced whole when its Service or endpoints
 * change. Also keeps the inputs it was compiled from, to recompile when the node changes.
 */
final class ServicePortRules {
  private final ServicePortInfo service;
  private final List<EndpointInfo> endpoints;
  private final ArrayList<Rule> sharedChainRules = new ArrayList<>();
  // What the writer collects; dropped once the chains are frozen.
  private Map<String, List<Rule>> chainRules = new LinkedHashMap<>();
  private Map<String, List<String>> chainBackends = new LinkedHashMap<>();
  private ImmutableMap<String, ServiceChain> chains;

  ServicePortRules(ServicePortInfo service, List<EndpointInfo> endpoints) {
    this.service = service;
    this.endpoints = ImmutableList.copyOf(endpoints);
  }

  ServicePortName name() {
    return service.name();
  }

  ServicePortInfo service() {
    return service;
  }

  List<EndpointInfo> endpoints() {
    return endpoints;
  }

  /** Declares one of the port's own chains ({@code :CHAIN - [0:0]}), with the endpoints it picks from. */
  void declareChain(String chain, List<String> backends) {
    chainRules.putIfAbsent(chain, new ArrayList<>());
    chainBackends.put(chain, List.copyOf(backends));
  }

  /** Adds a rule: to an own chain when one of that name was declared, else to a shared chain. */
  void add(Rule rule) {
    List<Rule> own = chainRules.get(rule.chain());
    if (own != null) {
      own.add(rule);
    } else {
      sharedChainRules.add(rule);
    }
  }

  /** Freezes the chains once written. */
  ServicePortRules done() {
    ImmutableMap.Builder<String, ServiceChain> out = ImmutableMap.builderWithExpectedSize(chainRules.size());
    chainRules.forEach((name, rules) -> out.put(name, new ServiceChain(name, rules, chainBackends.get(name))));
    chains = out.buildOrThrow();
    chainRules = null;
    chainBackends = null;
    sharedChainRules.trimToSize();
    return this;
  }

  /** Rules in kube-proxy's shared chains, in writing order. */
  List<Rule> sharedChainRules() {
    return sharedChainRules;
  }

  /** The port's own chains, by name, in writing order. */
  Map<String, ServiceChain> chains() {
    return chains;
  }
}
