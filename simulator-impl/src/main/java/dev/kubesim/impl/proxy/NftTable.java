package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.ServicePortName;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code ip kube-proxy} table of one node in nftables mode: the fixed chains, and each service
 * port's chains, map elements and {@code cluster-ips} entry. Maps and sets are hashed as the
 * kernel's are, so that a packet's lookups cost the same however many Services there are; a
 * service port's contribution is added and removed whole.
 */
final class NftTable {
  private final TreeMap<ServicePortName, NftServicePortRules> services = new TreeMap<>();
  private final Map<String, NftChain> serviceChains = new HashMap<>();
  private final Map<String, Map<Object, NftElement>> maps = new HashMap<>();
  /** clusterIP to the number of service ports that put it there. */
  private final Map<Integer, Integer> clusterIPs = new HashMap<>();
  /** Each {@code affinity-} set's element timeout in seconds. */
  private final Map<String, Integer> affinityTimeouts = new HashMap<>();
  private NftBaseRules base;

  NftTable(NftBaseRules base) {
    this.base = base;
    for (String map : List.of(NftBaseRules.SERVICE_IPS, NftBaseRules.SERVICE_NODEPORTS, NftBaseRules.NO_ENDPOINT_SERVICES,
        NftBaseRules.NO_ENDPOINT_NODEPORTS, NftBaseRules.FIREWALL_IPS)) {
      maps.put(map, new HashMap<>());
    }
  }

  NftBaseRules base() {
    return base;
  }

  void setBase(NftBaseRules value) {
    base = value;
  }

  /** Adds (or replaces) the rules of one service port. */
  void put(NftServicePortRules block) {
    remove(block.name());
    services.put(block.name(), block);
    serviceChains.putAll(block.chains());
    for (NftElement e : block.elements()) {
      maps.get(e.map()).put(e.key(), e);
    }
    clusterIPs.merge(clusterIP(block), 1, Integer::sum);
    block.affinitySets().forEach(set -> affinityTimeouts.put(set, block.service().stickyMaxAgeSeconds()));
  }

  /** Removes the rules of one service port; returns them. */
  Optional<NftServicePortRules> remove(ServicePortName name) {
    NftServicePortRules old = services.remove(name);
    if (old == null) {
      return Optional.empty();
    }
    old.chains().keySet().forEach(serviceChains::remove);
    for (NftElement e : old.elements()) {
      maps.get(e.map()).remove(e.key(), e);
    }
    clusterIPs.computeIfPresent(clusterIP(old), (ip, n) -> n == 1 ? null : n - 1);
    old.affinitySets().forEach(affinityTimeouts::remove);
    return Optional.of(old);
  }

  private static int clusterIP(NftServicePortRules block) {
    return dev.kubesim.impl.net.Ip4.parse(block.service().clusterIP());
  }

  /** The element of a map for a key, if any. */
  Optional<NftElement> element(String map, Object key) {
    return Optional.ofNullable(maps.get(map).get(key));
  }

  /** The rules of a chain: a fixed chain's or a service port's; empty for an unknown chain. */
  Optional<List<NftRule>> rules(String chain) {
    NftChain own = serviceChains.get(chain);
    return own != null ? Optional.of(own.rules()) : base.rules(chain);
  }

  /** One of a service port's own chains, by name. */
  Optional<NftChain> serviceChain(String name) {
    return Optional.ofNullable(serviceChains.get(name));
  }

  /** The element timeout of an {@code affinity-} set, in seconds (0 for an unknown set). */
  int affinityTimeout(String set) {
    return affinityTimeouts.getOrDefault(set, 0);
  }

  /** Whether an address is in {@code cluster-ips}. */
  boolean isClusterIP(int address) {
    return clusterIPs.containsKey(address);
  }

  /** The service ports' rules in (namespace, name, port, protocol) order. */
  Collection<NftServicePortRules> services() {
    return Collections.unmodifiableCollection(services.values());
  }
}
