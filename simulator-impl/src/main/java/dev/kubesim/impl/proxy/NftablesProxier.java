package dev.kubesim.impl.proxy;

import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.net.Cidr;
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
 * kube-proxy's nftables mode on one node ({@code pkg/proxy/nftables.Proxier}): keeps the node's
 * {@code ip kube-proxy} table, rewriting only the changed Service's chains and elements on each
 * sync, and runs packets through it.
 */
final class NftablesProxier implements ProxyMode {
  private ProxierConfig config;
  private final List<Cidr> serviceCidrs;
  private final NftTable table;
  private final RecentTable affinity = new RecentTable();
  private final SplittableRandom random;
  private final LongSupplier nanos;
  private final Map<ObjectKey, List<ServicePortName>> portsByService = new HashMap<>();

  /**
   * @param serviceCidrs the cluster's service CIDRs, whose unallocated addresses are dropped
   * @param random the node's stream for {@code numgen random} draws
   * @param nanos the cluster's virtual clock, for the affinity sets' timeouts
   */
  NftablesProxier(ProxierConfig config, List<Cidr> serviceCidrs, SplittableRandom random, LongSupplier nanos) {
    this.config = config;
    this.serviceCidrs = List.copyOf(serviceCidrs);
    this.table = new NftTable(NftBaseRules.of(config, this.serviceCidrs));
    this.random = random;
    this.nanos = nanos;
  }

  @Override
  public String name() {
    return "nftables";
  }

  @Override
  public void syncService(ObjectKey service, List<ServicePortInfo> ports, Map<ServicePortName, List<EndpointInfo>> endpoints) {
    Set<String> oldSets = new HashSet<>();
    for (ServicePortName old : portsByService.getOrDefault(service, List.of())) {
      table.remove(old).ifPresent(block -> oldSets.addAll(block.affinitySets()));
    }
    List<ServicePortName> names = new ArrayList<>();
    for (ServicePortInfo port : ports) {
      NftServicePortRules block = NftServicePortWriter.write(port, endpoints.getOrDefault(port.name(), List.of()), config);
      table.put(block);
      names.add(port.name());
      block.affinitySets().forEach(oldSets::remove);
    }
    if (names.isEmpty()) {
      portsByService.remove(service);
    } else {
      portsByService.put(service, List.copyOf(names));
    }
    // An affinity set goes with the last chain naming it.
    oldSets.forEach(affinity::forget);
  }

  @Override
  public void syncNode(ProxierConfig newConfig) {
    boolean nodeIPChanged = !newConfig.nodeIP().equals(config.nodeIP());
    config = newConfig;
    table.setBase(NftBaseRules.of(newConfig, serviceCidrs));
    if (nodeIPChanged) {
      // loadBalancerSourceRanges that contain the node IP let the node's own traffic in.
      for (NftServicePortRules block : List.copyOf(table.services())) {
        table.put(NftServicePortWriter.write(block.service(), block.endpoints(), newConfig));
      }
    }
  }

  @Override
  public PacketDecision decide(Packet packet, boolean locallyGenerated) {
    return new NftWalk(table, config, affinity, random, nanos.getAsLong(), packet, locallyGenerated).run();
  }

  @Override
  public String dump() {
    return NftListRuleset.print(table);
  }
}
