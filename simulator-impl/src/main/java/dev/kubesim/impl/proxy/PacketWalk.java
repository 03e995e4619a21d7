package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.ServicePortName;
import dev.kubesim.impl.net.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Runs one packet through a node's rules the way netfilter does: nat PREROUTING (or OUTPUT for the
 * node's own packets), routing on the possibly rewritten destination, then filter FORWARD or INPUT
 * (OUTPUT and, to a local address, INPUT for the node's own). Rules are tested in chain order,
 * {@code statistic} draws come from the node's random stream, and {@code recent} lists keep
 * ClientIP affinity. Addresses stay the network's integers from start to end. One walk per packet;
 * not reusable.
 */
final class PacketWalk {
  private static final int MAX_DEPTH = 32;

  private enum Outcome { CONTINUE, ACCEPT, DROP, REJECT, DNAT }

  private final IptablesRules rules;
  private final ProxierConfig config;
  private final RecentTable recent;
  private final SplittableRandom random;
  private final long now;
  private final Packet packet;
  private final boolean locallyGenerated;
  private final IpProtocol protocol;
  private final int source;
  private final boolean sourceLocal;

  private int destination;
  private int destinationPort;
  private boolean dnatted;
  private boolean marked;
  private Rule dnatRule;
  private Rule terminalRule;
  private List<String> candidates = List.of();
  private ServicePortName entryService;
  private String entry;
  private boolean affinity;
  private int examined;
  private final List<String> chains = new ArrayList<>();
  private final List<String> matched = new ArrayList<>();

  PacketWalk(IptablesRules rules, ProxierConfig config, RecentTable recent, SplittableRandom random, long now, Packet packet,
      boolean locallyGenerated) {
    this.rules = rules;
    this.config = config;
    this.recent = recent;
    this.random = random;
    this.now = now;
    this.packet = packet;
    this.locallyGenerated = locallyGenerated;
    this.protocol = packet.protocol();
    this.source = packet.source();
    this.sourceLocal = config.isLocal(source);
    this.destination = packet.destination();
    // ICMP has no ports: the echo identifier travels where a port would, and no rule matches on it.
    this.destinationPort = protocol == IpProtocol.ICMP ? 0 : packet.destinationPort();
  }

  PacketDecision run() {
    Outcome nat = walk(Table.NAT, locallyGenerated ? "OUTPUT" : "PREROUTING", 0);
    if (nat == Outcome.DNAT) {
      dnatted = true;
      destination = dnatRule.dnatAddress;
      destinationPort = dnatRule.dnatPort;
    }
    boolean toLocal = config.isLocal(destination);
    List<String> hooks = new ArrayList<>();
    if (locallyGenerated) {
      hooks.add("OUTPUT");
      if (toLocal) {
        hooks.add("INPUT");
      }
    } else {
      hooks.add(toLocal ? "INPUT" : "FORWARD");
    }
    Rule accepted = null;
    for (String hook : hooks) {
      terminalRule = null;
      Outcome o = walk(Table.FILTER, hook, 0);
      if (o == Outcome.DROP || o == Outcome.REJECT) {
        return decision(o == Outcome.DROP ? Verdict.DROP : Verdict.REJECT, terminalRule);
      }
      if (o == Outcome.ACCEPT && terminalRule.owner().isPresent()) {
        accepted = terminalRule;
      }
    }
    if (dnatted) {
      return decision(Verdict.DNAT, null);
    }
    if (accepted != null) {
      return decision(Verdict.ACCEPT, accepted);
    }
    return decision(Verdict.NO_MATCH, null);
  }

  private Outcome walk(Table table, String chain, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("iptables chain loop at " + chain + " for " + packet);
    }
    boolean builtin = BaseRules.isBuiltin(table, chain);
    if (table == Table.NAT && !builtin) {
      chains.add(chain);
    }
    rules.serviceChain(chain).filter(c -> !c.backends().isEmpty()).ifPresent(c -> candidates = c.backends());
    boolean recordedFilterChain = false;
    for (Rule rule : rules.rules(table, chain, destination, protocol, destinationPort)) {
      examined++;
      if (!matches(rule)) {
        continue;
      }
      matched.add(rule.command());
      if (table == Table.FILTER && !builtin && !recordedFilterChain) {
        chains.add(chain);
        recordedFilterChain = true;
      }
      noteEntry(rule);
      String target = rule.target;
      if (target == null || target.equals("MASQUERADE")) {
        continue;
      }
      switch (target) {
        case "MARK" -> marked = rule.markAction.equals("--or-mark") || !marked;
        case "RETURN" -> {
          return Outcome.CONTINUE;
        }
        case "ACCEPT", "DROP", "REJECT" -> {
          terminalRule = rule;
          return Outcome.valueOf(target);
        }
        case "DNAT" -> {
          dnatRule = rule;
          return Outcome.DNAT;
        }
        default -> {
          Outcome o = walk(table, target, depth + 1);
          if (o != Outcome.CONTINUE) {
            return o;
          }
        }
      }
    }
    return Outcome.CONTINUE;
  }

  /** The first service rule met in nat KUBE-SERVICES or KUBE-NODEPORTS names the way in. */
  private void noteEntry(Rule rule) {
    if (entry != null || rule.table() != Table.NAT || rule.owner().isEmpty()) {
      return;
    }
    if (rule.chain().equals(ServicePortRuleWriter.KUBE_SERVICES)) {
      entryService = rule.owner().get();
      entry = rule.comment;
    } else if (rule.chain().equals(ServicePortRuleWriter.KUBE_NODEPORTS)) {
      entryService = rule.owner().get();
      entry = entryService + " node port " + rule.destinationPort;
    }
  }

  /** The rule's matches, in their written order; statistic and recent act only when the rest matched. */
  private boolean matches(Rule r) {
    if (r.protocol != null && r.protocol != protocol) {
      return false;
    }
    if (r.source != null && !r.source.matches(source)) {
      return false;
    }
    if (r.destination != null && !r.destination.matches(destination)) {
      return false;
    }
    if (r.sourceLocal != null && r.sourceLocal != sourceLocal) {
      return false;
    }
    if (r.destinationLocal != null && r.destinationLocal != config.isLocal(destination)) {
      return false;
    }
    if (r.destinationPort != 0 && r.destinationPort != destinationPort) {
      return false;
    }
    if (r.ctStates != null) {
      // The first packet of a connection is NEW, and DNAT once nat rewrote it.
      boolean any = r.ctStates.contains("NEW") || (dnatted && r.ctStates.contains("DNAT"));
      if (any == r.ctStatesNegated) {
        return false;
      }
    }
    if (r.marked != null && r.marked != marked) {
      return false;
    }
    if (r.recentName != null && !r.recentSet) {
      if (!recent.check(r.recentName, source, now, r.recentSeconds)) {
        return false;
      }
      affinity = true;
    }
    if (!Double.isNaN(r.probability) && random.nextDouble() >= r.probability) {
      return false;
    }
    if (r.recentSet) {
      recent.set(r.recentName, source, now);
    }
    return true;
  }

  private PacketDecision decision(Verdict verdict, Rule decidingRule) {
    Optional<ServicePortName> service = decidingRule != null ? decidingRule.owner() : Optional.ofNullable(entryService);
    String dnatTo = dnatRule == null ? null : dnatRule.dnatDestination;
    String reason = switch (verdict) {
      case DNAT -> "DNAT: " + entry + " -> " + dnatTo + " (" + candidates.size() + " candidate"
          + (candidates.size() == 1 ? "" : "s") + (affinity ? ", ClientIP affinity" : "") + ")"
          + (marked ? ", masqueraded" : "");
      case REJECT, DROP, ACCEPT -> verdict + ": " + (decidingRule.owner().isPresent() ? "service " : "")
          + decidingRule.comment().orElse(decidingRule.chain());
      case NO_MATCH -> entry != null
          ? "NO_MATCH: " + entry + " matched but no rule translated or refused the packet"
          : "NO_MATCH: no kube-proxy rule for " + protocol + " " + Ip4.format(packet.destination()) + ":" + destinationPort;
    };
    List<String> backends = verdict != Verdict.DNAT ? List.of()
        : candidates.isEmpty() ? List.of(dnatTo) : List.copyOf(new TreeSet<>(candidates));
    boolean dnat = verdict == Verdict.DNAT;
    return new PacketDecision(verdict, dnat ? destination : packet.destination(),
        dnat ? destinationPort : packet.destinationPort(), backends, marked, service, chains, matched, reason, examined);
  }
}
