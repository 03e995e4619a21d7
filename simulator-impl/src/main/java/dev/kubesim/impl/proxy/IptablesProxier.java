package dev.kubesim.impl.proxy;

import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.ServicePortName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * kube-proxy's iptables mode on one node ({@code pkg/proxy/iptables.Proxier}): keeps the node's
 * nat and filter rules, rewriting only the changed Service's blocks on each sync, and runs packets
 * through them.
 */
final class IptablesProxier implements ProxyMode {
  private ProxierConfig config;
  private final IptablesRules rules;
  private final RecentTable recent = new RecentTable();
  private final SplittableRandom random;
  private final LongSupplier nanos;
  private final Map<ObjectKey, List<ServicePortName>> portsByService = new HashMap<>();

  /**
   * @param random the node's stream for {@code -m statistic} draws
   * @param nanos the cluster's virtual clock, for {@code -m recent}
   */
  IptablesProxier(ProxierConfig config, SplittableRandom random, LongSupplier nanos) {
    this.config = config;
    this.rules = new IptablesRules(BaseRules.of(config));
    this.random = random;
    this.nanos = nanos;
  }

  @Override
  public String name() {
    return "iptables";
  }

  @Override
  public void syncService(ObjectKey service, List<ServicePortInfo> ports, Map<ServicePortName, List<EndpointInfo>> endpoints) {
    Set<String> oldChains = new HashSet<>();
    for (ServicePortName old : portsByService.getOrDefault(service, List.of())) {
      rules.remove(old).ifPresent(block -> oldChains.addAll(block.chains().keySet()));
    }
    List<ServicePortName> names = new ArrayList<>();
    for (ServicePortInfo port : ports) {
      ServicePortRules block = ServicePortRuleWriter.write(port, endpoints.getOrDefault(port.name(), List.of()), config);
      rules.put(block);
      names.add(port.name());
      oldChains.removeAll(block.chains().keySet());
    }
    if (names.isEmpty()) {
      portsByService.remove(service);
    } else {
      portsByService.put(service, List.copyOf(names));
    }
    // Affinity lists live as long as a rule names them.
    oldChains.forEach(recent::forget);
  }

  @Override
  public void syncNode(ProxierConfig newConfig) {
    boolean nodeIPChanged = !newConfig.nodeIP().equals(config.nodeIP());
    config = newConfig;
    rules.setBase(BaseRules.of(newConfig));
    if (nodeIPChanged) {
      // loadBalancerSourceRanges that contain the node IP let the node's own traffic in.
      for (ServicePortRules block : List.copyOf(rules.services())) {
        rules.put(ServicePortRuleWriter.write(block.service(), block.endpoints(), newConfig));
      }
    }
  }

  @Override
  public PacketDecision decide(Packet packet, boolean locallyGenerated) {
    return new PacketWalk(rules, config, recent, random, nanos.getAsLong(), packet, locallyGenerated).run();
  }

  @Override
  public String dump() {
    return IptablesSave.print(rules);
  }

  /** The rules, for iptables-specific views. */
  IptablesRules rules() {
    return rules;
  }
}
