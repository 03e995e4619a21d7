package dev.kubesim.impl.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules kube-proxy writes whatever the Services: the jumps from the built-in chains into its
 * own ({@code iptablesJumpChains}), {@code KUBE-POSTROUTING}, {@code KUBE-MARK-MASQ}, {@code
 * KUBE-FORWARD}, the localhost guard {@code KUBE-FIREWALL}, and the last rule of nat {@code
 * KUBE-SERVICES} that sends node-local destinations to {@code KUBE-NODEPORTS}.
 */
final class BaseRules {
  static final List<String> FILTER_BUILTINS = List.of("INPUT", "FORWARD", "OUTPUT");
  static final List<String> NAT_BUILTINS = List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
  static final String KUBE_POSTROUTING = "KUBE-POSTROUTING";
  static final String KUBE_FORWARD = "KUBE-FORWARD";
  static final String KUBE_FIREWALL = "KUBE-FIREWALL";
  static final String INVALID_DROPPED_COUNTER = "ct_state_invalid_dropped_pkts";
  static final String NODEPORTS_COMMENT = "kubernetes service nodeports; NOTE: this must be the last rule in this chain";

  private final Map<String, List<Rule>> filter = new LinkedHashMap<>();
  private final Map<String, List<Rule>> nat = new LinkedHashMap<>();
  private final List<Rule> natServicesTail = new ArrayList<>();

  private BaseRules() {}

  static BaseRules of(ProxierConfig config) {
    BaseRules b = new BaseRules();
    b.writeJumps(config);
    b.writeFixedChains(config);
    b.writeNodePortsJump(config);
    return b;
  }

  /** EnsureRule(Prepend) for each jump in order: the last prepended ends up first. */
  private void writeJumps(ProxierConfig config) {
    boolean firewall = config.localhostNodePorts();
    List<Rule> input = chain(Table.FILTER, "INPUT");
    if (firewall) {
      input.add(Rule.append(Table.FILTER, "INPUT").jump(KUBE_FIREWALL));
    }
    input.add(portal(Table.FILTER, "INPUT", true, "kubernetes load balancer firewall", ServicePortRuleWriter.KUBE_PROXY_FIREWALL));
    input.add(portal(Table.FILTER, "INPUT", false, "kubernetes health check service ports", ServicePortRuleWriter.KUBE_NODEPORTS));
    input.add(portal(Table.FILTER, "INPUT", true, "kubernetes externally-visible service portals",
        ServicePortRuleWriter.KUBE_EXTERNAL_SERVICES));
    List<Rule> forward = chain(Table.FILTER, "FORWARD");
    forward.add(portal(Table.FILTER, "FORWARD", true, "kubernetes load balancer firewall", ServicePortRuleWriter.KUBE_PROXY_FIREWALL));
    forward.add(portal(Table.FILTER, "FORWARD", false, "kubernetes forwarding rules", KUBE_FORWARD));
    forward.add(portal(Table.FILTER, "FORWARD", true, "kubernetes service portals", ServicePortRuleWriter.KUBE_SERVICES));
    forward.add(portal(Table.FILTER, "FORWARD", true, "kubernetes externally-visible service portals",
        ServicePortRuleWriter.KUBE_EXTERNAL_SERVICES));
    List<Rule> output = chain(Table.FILTER, "OUTPUT");
    if (firewall) {
      output.add(Rule.append(Table.FILTER, "OUTPUT").jump(KUBE_FIREWALL));
    }
    output.add(portal(Table.FILTER, "OUTPUT", true, "kubernetes load balancer firewall", ServicePortRuleWriter.KUBE_PROXY_FIREWALL));
    output.add(portal(Table.FILTER, "OUTPUT", true, "kubernetes service portals", ServicePortRuleWriter.KUBE_SERVICES));

    chain(Table.NAT, "PREROUTING").add(portal(Table.NAT, "PREROUTING", false, "kubernetes service portals",
        ServicePortRuleWriter.KUBE_SERVICES));
    chain(Table.NAT, "INPUT");
    chain(Table.NAT, "OUTPUT").add(portal(Table.NAT, "OUTPUT", false, "kubernetes service portals", ServicePortRuleWriter.KUBE_SERVICES));
    chain(Table.NAT, "POSTROUTING").add(portal(Table.NAT, "POSTROUTING", false, "kubernetes postrouting rules", KUBE_POSTROUTING));
  }

  private static Rule portal(Table table, String from, boolean newOnly, String comment, String to) {
    Rule.Builder b = Rule.append(table, from);
    if (newOnly) {
      b.ctState(false, "NEW");
    }
    return b.comment(comment).jump(to);
  }

  private void writeFixedChains(ProxierConfig config) {
    chain(Table.FILTER, ServicePortRuleWriter.KUBE_NODEPORTS);
    chain(Table.FILTER, ServicePortRuleWriter.KUBE_SERVICES);
    chain(Table.FILTER, ServicePortRuleWriter.KUBE_EXTERNAL_SERVICES);
    if (config.localhostNodePorts()) {
      // Mitigates route_localnet exposing 127.0.0.0/8 to the network (issue 90259).
      chain(Table.FILTER, KUBE_FIREWALL).add(Rule.append(Table.FILTER, KUBE_FIREWALL)
          .comment("block incoming localnet connections").destination("127.0.0.0/8").notSource("127.0.0.0/8")
          .ctState(true, "RELATED", "ESTABLISHED", "DNAT").jump("DROP"));
    }
    List<Rule> forward = chain(Table.FILTER, KUBE_FORWARD);
    forward.add(Rule.append(Table.FILTER, KUBE_FORWARD).ctState(false, "INVALID").nfacct(INVALID_DROPPED_COUNTER).jump("DROP"));
    forward.add(Rule.append(Table.FILTER, KUBE_FORWARD).comment("kubernetes forwarding rules").masqueradeMark(true).jump("ACCEPT"));
    forward.add(Rule.append(Table.FILTER, KUBE_FORWARD).comment("kubernetes forwarding conntrack rule")
        .ctState(false, "RELATED", "ESTABLISHED").jump("ACCEPT"));
    chain(Table.FILTER, ServicePortRuleWriter.KUBE_PROXY_FIREWALL);

    chain(Table.NAT, ServicePortRuleWriter.KUBE_NODEPORTS);
    chain(Table.NAT, ServicePortRuleWriter.KUBE_SERVICES);
    List<Rule> post = chain(Table.NAT, KUBE_POSTROUTING);
    post.add(Rule.append(Table.NAT, KUBE_POSTROUTING).masqueradeMark(false).jump("RETURN"));
    // Clear the mark so a packet that loops through the stack again is not masqueraded twice.
    post.add(Rule.append(Table.NAT, KUBE_POSTROUTING).mark("--xor-mark"));
    post.add(Rule.append(Table.NAT, KUBE_POSTROUTING).comment("kubernetes service traffic requiring SNAT").jump("MASQUERADE"));
    chain(Table.NAT, ServicePortRuleWriter.KUBE_MARK_MASQ).add(Rule.append(Table.NAT, ServicePortRuleWriter.KUBE_MARK_MASQ).mark("--or-mark"));
  }

  /** The tail of nat KUBE-SERVICES: after every service rule, node-local destinations go to KUBE-NODEPORTS. */
  private void writeNodePortsJump(ProxierConfig config) {
    NodePortAddresses npa = config.nodePortAddresses();
    if (npa.matchAll()) {
      Rule.Builder b = Rule.append(Table.NAT, ServicePortRuleWriter.KUBE_SERVICES).comment(NODEPORTS_COMMENT).destinationTypeLocal();
      if (!config.localhostNodePorts()) {
        b.notDestination("127.0.0.0/8");
      }
      natServicesTail.add(b.jump(ServicePortRuleWriter.KUBE_NODEPORTS));
      return;
    }
    for (String ip : npa.nodeIPs(config.nodeAddresses())) {
      if (ip.startsWith("127.") && !config.localhostNodePorts()) {
        continue;
      }
      natServicesTail.add(Rule.append(Table.NAT, ServicePortRuleWriter.KUBE_SERVICES).comment(NODEPORTS_COMMENT)
          .destination(ip).jump(ServicePortRuleWriter.KUBE_NODEPORTS));
    }
  }

  private List<Rule> chain(Table table, String name) {
    return (table == Table.NAT ? nat : filter).computeIfAbsent(name, k -> new ArrayList<>());
  }

  /** The fixed rules of a chain (for nat KUBE-SERVICES, its tail); empty for chains it does not hold. */
  List<Rule> rules(Table table, String chain) {
    if (table == Table.NAT && chain.equals(ServicePortRuleWriter.KUBE_SERVICES)) {
      return natServicesTail;
    }
    return (table == Table.NAT ? nat : filter).getOrDefault(chain, List.of());
  }

  /** Whether kube-proxy (or, for KUBE-FIREWALL, the kubelet) creates this chain. */
  boolean has(Table table, String chain) {
    return (table == Table.NAT ? nat : filter).containsKey(chain);
  }

  /** The chains of a table, built-in ones first, in creation order. */
  List<String> chains(Table table) {
    return List.copyOf((table == Table.NAT ? nat : filter).keySet());
  }

  static boolean isBuiltin(Table table, String chain) {
    return (table == Table.NAT ? NAT_BUILTINS : FILTER_BUILTINS).contains(chain);
  }
}
