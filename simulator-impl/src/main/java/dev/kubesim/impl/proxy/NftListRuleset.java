package dev.kubesim.impl.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a node's {@code ip kube-proxy} table in the layout of {@code nft list ruleset}: the
 * table's comment, its sets and maps with their elements, then its chains (base chains with their
 * hook line) in the order kube-proxy creates them, the service ports' chains by name. Rules keep
 * the text kube-proxy writes; {@code nft} would print some of them normalised ({@code meta mark},
 * hexadecimal marks). Elements are listed in key order.
 */
final class NftListRuleset {
  private static final String INDENT = "\t\t";
  private static final String CONTINUATION = "\t\t\t     ";

  /** The comments kube-proxy gives its sets and maps. */
  private static final Map<String, String> COMMENTS = Map.of(
      NftBaseRules.CLUSTER_IPS, "Active ClusterIPs",
      NftBaseRules.NODEPORT_IPS, "IPs that accept NodePort traffic",
      NftBaseRules.NO_ENDPOINT_SERVICES, "vmap to drop or reject packets to services with no endpoints",
      NftBaseRules.NO_ENDPOINT_NODEPORTS, "vmap to drop or reject packets to service nodeports with no endpoints",
      NftBaseRules.FIREWALL_IPS, "destinations that are subject to LoadBalancerSourceRanges",
      NftBaseRules.SERVICE_IPS, "ClusterIP, ExternalIP and LoadBalancer IP traffic",
      NftBaseRules.SERVICE_NODEPORTS, "NodePort traffic");

  private static final String ADDRESS_MAP_TYPE = "ipv4_addr . inet_proto . inet_service : verdict";
  private static final String PORT_MAP_TYPE = "inet_proto . inet_service : verdict";

  private static final Comparator<Object> KEY_ORDER = Comparator.comparing(NftListRuleset::sortKey);

  private NftListRuleset() {}

  static String print(NftTable table) {
    NftBaseRules base = table.base();
    List<String> blocks = new ArrayList<>();
    TreeMap<Integer, String> clusterIPs = new TreeMap<>(Comparator.comparingLong(Integer::toUnsignedLong));
    Map<String, TreeMap<Object, NftElement>> elements = new TreeMap<>();
    TreeMap<String, Integer> affinitySets = new TreeMap<>();
    TreeMap<String, NftChain> serviceChains = new TreeMap<>();
    for (NftServicePortRules block : table.services()) {
      int ip = dev.kubesim.impl.net.Ip4.parse(block.service().clusterIP());
      clusterIPs.put(ip, block.service().clusterIP());
      for (NftElement e : block.elements()) {
        elements.computeIfAbsent(e.map(), m -> new TreeMap<>(KEY_ORDER)).put(e.key(), e);
      }
      block.affinitySets().forEach(s -> affinitySets.put(s, block.service().stickyMaxAgeSeconds()));
      serviceChains.putAll(block.chains());
    }
    blocks.add(set(NftBaseRules.CLUSTER_IPS, List.copyOf(clusterIPs.values())));
    if (!base.nodePortsOnAllAddresses()) {
      blocks.add(set(NftBaseRules.NODEPORT_IPS, base.nodePortIPs()));
    }
    for (String map : List.of(NftBaseRules.NO_ENDPOINT_SERVICES, NftBaseRules.NO_ENDPOINT_NODEPORTS, NftBaseRules.FIREWALL_IPS,
        NftBaseRules.SERVICE_IPS, NftBaseRules.SERVICE_NODEPORTS)) {
      boolean byPort = map.equals(NftBaseRules.NO_ENDPOINT_NODEPORTS) || map.equals(NftBaseRules.SERVICE_NODEPORTS);
      List<String> texts = elements.getOrDefault(map, new TreeMap<>(KEY_ORDER)).values().stream().map(NftElement::text).toList();
      blocks.add(object("map", map, List.of("type " + (byPort ? PORT_MAP_TYPE : ADDRESS_MAP_TYPE), "comment \"" + COMMENTS.get(map) + "\""),
          texts));
    }
    affinitySets.forEach((name, timeout) -> blocks.add(object("set", name,
        List.of("type ipv4_addr", "flags dynamic,timeout", "timeout " + duration(timeout)), List.of())));
    Map<String, NftBaseRules.BaseChain> baseChains = new TreeMap<>();
    NftBaseRules.BASE_CHAINS.forEach(b -> baseChains.put(b.name(), b));
    base.chains().forEach((name, rules) -> {
      List<String> head = new ArrayList<>();
      NftBaseRules.BaseChain b = baseChains.get(name);
      if (b != null) {
        head.add("type " + b.type() + " hook " + b.hook() + " priority " + priority(b.priority()) + "; policy accept;");
      }
      if (name.equals(NftBaseRules.REJECT_CHAIN)) {
        head.add("comment \"" + NftBaseRules.REJECT_CHAIN_COMMENT + "\"");
      }
      blocks.add(chain(name, head, rules));
    });
    serviceChains.forEach((name, chain) -> blocks.add(chain(name, List.of(), chain.rules())));

    StringBuilder out = new StringBuilder("table ip kube-proxy {\n\tcomment \"rules for kube-proxy\"\n");
    out.append(String.join("\n", blocks));
    return out.append("}\n").toString();
  }

  private static String set(String name, List<String> elements) {
    return object("set", name, List.of("type ipv4_addr", "comment \"" + COMMENTS.get(name) + "\""), elements);
  }

  private static String object(String kind, String name, List<String> head, List<String> elements) {
    StringBuilder out = new StringBuilder("\t").append(kind).append(' ').append(name).append(" {\n");
    head.forEach(line -> out.append(INDENT).append(line).append('\n'));
    if (!elements.isEmpty()) {
      out.append(INDENT).append("elements = { ");
      for (int i = 0; i < elements.size(); i++) {
        out.append(i == 0 ? "" : ",\n" + CONTINUATION).append(elements.get(i));
      }
      out.append(" }\n");
    }
    return out.append("\t}\n").toString();
  }

  private static String chain(String name, List<String> head, List<NftRule> rules) {
    StringBuilder out = new StringBuilder("\tchain ").append(name).append(" {\n");
    head.forEach(line -> out.append(INDENT).append(line).append('\n'));
    rules.forEach(r -> out.append(INDENT).append(r.text()).append('\n'));
    return out.append("\t}\n").toString();
  }

  /** A priority as nft names it on these hooks: {@code dstnat - 10}, {@code filter}, {@code srcnat}. */
  static String priority(int value) {
    return switch (value) {
      case -100 -> "dstnat";
      case 0 -> "filter";
      case 100 -> "srcnat";
      default -> value < -100 ? "dstnat - " + (-100 - value) : "dstnat + " + (value + 100);
    };
  }

  /** Seconds as nft prints a timeout: {@code 3h}, {@code 1h30m}, {@code 10s}. */
  static String duration(int seconds) {
    StringBuilder out = new StringBuilder();
    int d = seconds / 86_400;
    int h = seconds / 3600 % 24;
    int m = seconds / 60 % 60;
    int s = seconds % 60;
    if (d > 0) {
      out.append(d).append('d');
    }
    if (h > 0) {
      out.append(h).append('h');
    }
    if (m > 0) {
      out.append(m).append('m');
    }
    if (s > 0 || out.length() == 0) {
      out.append(s).append('s');
    }
    return out.toString();
  }

  private static String sortKey(Object key) {
    if (key instanceof DestinationKey d) {
      return String.format("%010d.%s.%05d", Integer.toUnsignedLong(d.address()), d.protocol().lower(), d.port());
    }
    PortKey p = (PortKey) key;
    return String.format("%s.%05d", p.protocol().lower(), p.port());
  }
}
