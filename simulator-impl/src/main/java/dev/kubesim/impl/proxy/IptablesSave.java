package dev.kubesim.impl.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Prints a node's rules as {@code iptables-save} does: per table, the chain lines ({@code
 * :KUBE-SERVICES - [0:0]}), the {@code -A} rules, {@code COMMIT}. The order is the canonical one of
 * kube-proxy's unit tests (its own order follows Go map iteration): built-in chains, then {@code
 * KUBE-NODEPORTS}, {@code KUBE-SERVICES} and the other chains by name; rules of the shared chains
 * by service port, with the nodePorts jump last in nat {@code KUBE-SERVICES}.
 */
final class IptablesSave {
  private IptablesSave() {}

  /** The full dump, built-in chains and kube-proxy's jumps into its own chains included. */
  static String print(IptablesRules rules) {
    return print(rules, true);
  }

  /**
   * @param includeBuiltinChains false for only the chains kube-proxy restores (the form of the
   *     expected dumps in proxier_test.go)
   */
  static String print(IptablesRules rules, boolean includeBuiltinChains) {
    StringBuilder out = new StringBuilder();
    for (Table table : List.of(Table.FILTER, Table.NAT)) {
      printTable(out, rules, table, includeBuiltinChains);
    }
    return out.toString();
  }

  private static void printTable(StringBuilder out, IptablesRules rules, Table table, boolean includeBuiltinChains) {
    Map<String, List<Rule>> shared = new LinkedHashMap<>();
    TreeSet<String> ownChains = new TreeSet<>();
    Map<String, List<Rule>> own = new LinkedHashMap<>();
    for (ServicePortRules block : rules.services()) {
      for (Rule r : block.sharedChainRules()) {
        if (r.table() == table) {
          shared.computeIfAbsent(r.chain(), k -> new ArrayList<>()).add(r);
        }
      }
      if (table == Table.NAT) {
        block.chains().forEach((name, chain) -> {
          ownChains.add(name);
          own.put(name, chain.rules());
        });
      }
    }
    BaseRules base = rules.base();
    List<String> order = new ArrayList<>();
    TreeSet<String> others = new TreeSet<>(ownChains);
    for (String chain : base.chains(table)) {
      if (BaseRules.isBuiltin(table, chain)) {
        if (includeBuiltinChains) {
          order.add(chain);
        }
      } else if (!chain.equals(ServicePortRuleWriter.KUBE_NODEPORTS) && !chain.equals(ServicePortRuleWriter.KUBE_SERVICES)) {
        others.add(chain);
      }
    }
    order.add(ServicePortRuleWriter.KUBE_NODEPORTS);
    order.add(ServicePortRuleWriter.KUBE_SERVICES);
    order.addAll(others);

    out.append('*').append(table.iptablesName()).append('\n');
    for (String chain : order) {
      String policy = BaseRules.isBuiltin(table, chain) ? "ACCEPT" : "-";
      out.append(':').append(chain).append(' ').append(policy).append(" [0:0]\n");
    }
    for (String chain : order) {
      List<Rule> chainRules = new ArrayList<>(shared.getOrDefault(chain, List.of()));
      chainRules.addAll(own.getOrDefault(chain, List.of()));
      chainRules.addAll(base.rules(table, chain));
      for (Rule r : chainRules) {
        out.append(r.text()).append('\n');
      }
    }
    out.append("COMMIT\n");
  }
}
