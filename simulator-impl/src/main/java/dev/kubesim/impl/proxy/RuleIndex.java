package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.ServicePortName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shared chain ({@code KUBE-SERVICES}, {@code KUBE-NODEPORTS}, ...) held as a hash from what its
 * rules match on, (destination, protocol, port) or (protocol, port), to those rules. A packet
 * looks up only the rules that could match it, so its cost does not grow with the number of
 * Services, while the rules under one key keep the chain's order.
 */
final class RuleIndex<K> {
  /** Chain order: by service port, then by position among that port's rules. */
  static final Comparator<Rule> CHAIN_ORDER =
      Comparator.<Rule, ServicePortName>comparing(Rule::ownerOrNull, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(Rule::order);

  private final Map<K, List<Rule>> byKey = new HashMap<>();

  void add(K key, Rule rule) {
    List<Rule> rules = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
    int at = rules.size();
    while (at > 0 && CHAIN_ORDER.compare(rules.get(at - 1), rule) > 0) {
      at--;
    }
    rules.add(at, rule);
  }

  void remove(K key, Rule rule) {
    List<Rule> rules = byKey.get(key);
    if (rules != null) {
      rules.removeIf(r -> r == rule);
      if (rules.isEmpty()) {
        byKey.remove(key);
      }
    }
  }

  /** The rules under a key, in chain order; empty when none. */
  List<Rule> get(K key) {
    return byKey.getOrDefault(key, List.of());
  }

  /** Number of keys: the hash's size, for tests of the lookup structure. */
  int keys() {
    return byKey.size();
  }
}
