package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.kubesim.impl.net.ServicePortName;
import java.util.List;
import java.util.Map;

/**
 * Everything kube-proxy's nftables mode writes for one service port in one sync: its map elements,
 * its own chains and affinity sets, and the clusterIP it adds to {@code cluster-ips}. Replaced whole
 * when its Service or endpoints change; keeps the inputs it was written from, to rewrite it when
 * the node changes.
 *
 * @param service the service port
 * @param endpoints its endpoints on this node's view, sorted by {@code ip:port}
 * @param chains the port's own chains by name, in writing order
 * @param elements its elements in the shared maps, in writing order
 * @param affinitySets the {@code affinity-…} sets of ClientIP session affinity, one per endpoint chain
 */
record NftServicePortRules(ServicePortInfo service, List<EndpointInfo> endpoints, Map<String, NftChain> chains,
    List<NftElement> elements, List<String> affinitySets) {
  NftServicePortRules {
    endpoints = ImmutableList.copyOf(endpoints);
    chains = ImmutableMap.copyOf(chains);
    elements = ImmutableList.copyOf(elements);
    affinitySets = ImmutableList.copyOf(affinitySets);
  }

  ServicePortName name() {
    return service.name();
  }
}
