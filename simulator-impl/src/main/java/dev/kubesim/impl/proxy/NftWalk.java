package dev.kubesim.impl.proxy;

import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.ServicePortName;
import dev.kubesim.impl.net.Verdict;
import dev.kubesim.impl.proxy.NftStatement.AddressIs;
import dev.kubesim.impl.proxy.NftStatement.CtStateNew;
import dev.kubesim.impl.proxy.NftStatement.Dnat;
import dev.kubesim.impl.proxy.NftStatement.Drop;
import dev.kubesim.impl.proxy.NftStatement.FibLocal;
import dev.kubesim.impl.proxy.NftStatement.Field;
import dev.kubesim.impl.proxy.NftStatement.Goto;
import dev.kubesim.impl.proxy.NftStatement.InSet;
import dev.kubesim.impl.proxy.NftStatement.Jump;
import dev.kubesim.impl.proxy.NftStatement.Masquerade;
import dev.kubesim.impl.proxy.NftStatement.RandomChoice;
import dev.kubesim.impl.proxy.NftStatement.Reject;
import dev.kubesim.impl.proxy.NftStatement.Return;
import dev.kubesim.impl.proxy.NftStatement.SetMark;
import dev.kubesim.impl.proxy.NftStatement.Unmarked;
import dev.kubesim.impl.proxy.NftStatement.UpdateAffinity;
import dev.kubesim.impl.proxy.NftStatement.VerdictMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Runs one packet through a node's {@code ip kube-proxy} table the way netfilter does in nftables
 * mode: for a packet arriving on an interface, the prerouting hook (filter before DNAT, then nat),
 * routing on the possibly rewritten destination, then the input or forward hook; for the node's
 * own packet, the output hook (filter before DNAT, nat, filter after it) and, to a local address,
 * input; postrouting last. A {@code goto} does not come back; a chain that ends without a verdict
 * returns to the one that jumped to it; a base chain that ends accepts. {@code numgen} draws from
 * the node's random stream; the {@code affinity-} sets keep ClientIP affinity. One walk per packet.
 */
final class NftWalk {
  private static final int MAX_DEPTH = 32;

  private enum Outcome { CONTINUE, DROP, REJECT, DNAT }

  private final NftTable table;
  private final ProxierConfig config;
  private final RecentTable affinity;
  private final SplittableRandom random;
  private final long now;
  private final Packet packet;
  private final boolean locallyGenerated;
  private final IpProtocol protocol;
  private final int source;

  private int destination;
  private int destinationPort;
  private boolean marked;
  private boolean masqueraded;
  private Dnat dnat;
  private NftRule terminalRule;
  private Optional<NftElement> entry = Optional.empty();
  private NftElement terminalElement;
  private List<String> candidates = List.of();
  private boolean affinityHit;
  private int examined;
  private final List<String> chains = new ArrayList<>();
  private final List<String> matched = new ArrayList<>();

  NftWalk(NftTable table, ProxierConfig config, RecentTable affinity, SplittableRandom random, long now, Packet packet,
      boolean locallyGenerated) {
    this.table = table;
    this.config = config;
    this.affinity = affinity;
    this.random = random;
    this.now = now;
    this.packet = packet;
    this.locallyGenerated = locallyGenerated;
    this.protocol = packet.protocol();
    this.source = packet.source();
    this.destination = packet.destination();
    // ICMP has no ports: no map key or port match meets it.
    this.destinationPort = protocol == IpProtocol.ICMP ? 0 : packet.destinationPort();
  }

  PacketDecision run() {
    List<String> hooks = new ArrayList<>();
    if (locallyGenerated) {
      hooks.addAll(List.of(NftBaseRules.FILTER_OUTPUT_PRE_DNAT, NftBaseRules.NAT_OUTPUT, NftBaseRules.FILTER_OUTPUT));
    } else {
      hooks.addAll(List.of(NftBaseRules.FILTER_PREROUTING_PRE_DNAT, NftBaseRules.NAT_PREROUTING));
    }
    for (String hook : hooks) {
      Outcome o = base(hook);
      if (o == Outcome.DROP || o == Outcome.REJECT) {
        return decision(o == Outcome.DROP ? Verdict.DROP : Verdict.REJECT);
      }
    }
    // Routing on the destination as nat left it.
    boolean toLocal = config.isLocal(destination);
    String after = locallyGenerated ? (toLocal ? NftBaseRules.FILTER_INPUT : null)
        : toLocal ? NftBaseRules.FILTER_INPUT : NftBaseRules.FILTER_FORWARD;
    if (after != null) {
      Outcome o = base(after);
      if (o == Outcome.DROP || o == Outcome.REJECT) {
        return decision(o == Outcome.DROP ? Verdict.DROP : Verdict.REJECT);
      }
    }
    base(NftBaseRules.NAT_POSTROUTING);
    return decision(dnat != null ? Verdict.DNAT : Verdict.NO_MATCH);
  }

  /** A base chain; nat chains stop at a DNAT, which later hooks see in the packet's new destination. */
  private Outcome base(String chain) {
    Outcome o = run(chain, 0);
    if (o == Outcome.DNAT) {
      destination = dnat.address();
      destinationPort = dnat.port();
    }
    return o;
  }

  private Outcome run(String chain, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("nftables chain loop at " + chain + " for " + packet);
    }
    List<NftRule> rules = table.rules(chain).orElseThrow(() -> new IllegalStateException("unknown nftables chain " + chain));
    table.serviceChain(chain).filter(c -> !c.backends().isEmpty()).ifPresent(c -> candidates = c.backends());
    // A chain is named once one of its rules matched, before the chains that rule led to.
    int position = chains.size();
    boolean recorded = false;
    for (NftRule rule : rules) {
      examined++;
      RuleResult r = runRule(rule, depth);
      if (!r.matched) {
        continue;
      }
      if (!recorded && !isBase(chain)) {
        chains.add(position, chain);
        recorded = true;
      }
      if (r.outcome != Outcome.CONTINUE || r.leave) {
        return r.outcome;
      }
    }
    return Outcome.CONTINUE;
  }

  /** What one rule did: whether all its matches held, the verdict it reached, whether it left the chain. */
  private record RuleResult(boolean matched, Outcome outcome, boolean leave) {
    static final RuleResult NO_MATCH = new RuleResult(false, Outcome.CONTINUE, false);
    static final RuleResult GO_ON = new RuleResult(true, Outcome.CONTINUE, false);
  }

  private RuleResult runRule(NftRule rule, int depth) {
    for (NftStatement s : rule.statements()) {
      if (s instanceof AddressIs a) {
        if (!a.matches(a.field() == Field.SOURCE ? source : destination)) {
          return RuleResult.NO_MATCH;
        }
      } else if (s instanceof FibLocal f) {
        if (!config.isLocal(f.field() == Field.SOURCE ? source : destination)) {
          return RuleResult.NO_MATCH;
        }
      } else if (s instanceof InSet in) {
        if (!inSet(in)) {
          return RuleResult.NO_MATCH;
        }
        affinityHit |= in.set().startsWith(NftChainNames.AFFINITY_PREFIX);
      } else if (s instanceof Unmarked) {
        if (marked) {
          return RuleResult.NO_MATCH;
        }
      } else if (s instanceof VerdictMap v) {
        Object key = v.key() == NftStatement.MapKey.ADDRESS_PROTOCOL_PORT
            ? new DestinationKey(destination, protocol, destinationPort)
            : new PortKey(protocol, destinationPort);
        Optional<NftElement> element = protocol == IpProtocol.ICMP ? Optional.empty() : table.element(v.map(), key);
        if (element.isEmpty()) {
          return RuleResult.NO_MATCH;
        }
        note(rule);
        noteEntry(element.get());
        return act(element.get().verdict(), rule, element.get(), depth);
      } else if (s instanceof SetMark m) {
        marked = !m.xor() || !marked;
      } else if (s instanceof Masquerade) {
        masqueraded = true;
      } else if (s instanceof UpdateAffinity u) {
        affinity.set(u.set(), source, now);
      } else if (s instanceof Dnat d) {
        note(rule);
        dnat = d;
        return new RuleResult(true, Outcome.DNAT, true);
      } else if (s instanceof RandomChoice r) {
        note(rule);
        return act(new Goto(r.chains().get(random.nextInt(r.chains().size()))), rule, null, depth);
      } else if (!(s instanceof CtStateNew)) { // every packet asked about opens its connection
        note(rule);
        return act(s, rule, null, depth);
      }
    }
    note(rule);
    return RuleResult.GO_ON;
  }

  /** A verdict statement, written in the rule or found in a map. */
  private RuleResult act(NftStatement verdict, NftRule rule, NftElement element, int depth) {
    if (verdict instanceof Jump j) {
      Outcome o = run(j.chain(), depth + 1);
      return o == Outcome.CONTINUE ? RuleResult.GO_ON : new RuleResult(true, o, true);
    }
    if (verdict instanceof Goto g) {
      Outcome o = run(g.chain(), depth + 1);
      if ((o == Outcome.REJECT || o == Outcome.DROP) && element != null) {
        terminalElement = element; // the map element whose verdict led to reject-chain
      }
      return new RuleResult(true, o, true);
    }
    if (verdict instanceof Return) {
      return new RuleResult(true, Outcome.CONTINUE, true);
    }
    if (verdict instanceof Drop || verdict instanceof Reject) {
      if (terminalRule == null) {
        terminalRule = rule;
        terminalElement = element;
      }
      return new RuleResult(true, verdict instanceof Drop ? Outcome.DROP : Outcome.REJECT, true);
    }
    throw new IllegalStateException("not a verdict: " + verdict.text());
  }

  private boolean inSet(InSet in) {
    int address = in.field() == Field.SOURCE ? source : destination;
    if (in.set().equals(NftBaseRules.CLUSTER_IPS)) {
      return table.isClusterIP(address);
    }
    if (in.set().equals(NftBaseRules.NODEPORT_IPS)) {
      return table.base().isNodePortAddress(address);
    }
    return affinity.check(in.set(), address, now, table.affinityTimeout(in.set()));
  }

  private static boolean isBase(String chain) {
    return NftBaseRules.BASE_CHAINS.stream().anyMatch(b -> b.name().equals(chain));
  }

  private void note(NftRule rule) {
    matched.add(rule.text());
  }

  /** The first element of {@code service-ips} or {@code service-nodeports} met names the way in. */
  private void noteEntry(NftElement element) {
    if (entry.isEmpty() && (element.map().equals(NftBaseRules.SERVICE_IPS) || element.map().equals(NftBaseRules.SERVICE_NODEPORTS))) {
      entry = Optional.of(element);
    }
  }

  private PacketDecision decision(Verdict verdict) {
    NftElement deciding = verdict == Verdict.DNAT || verdict == Verdict.NO_MATCH ? entry.orElse(null) : terminalElement;
    if (deciding == null && terminalRule != null && terminalRule.owner() != null) {
      deciding = entry.orElse(null);
    }
    Optional<ServicePortName> service = deciding != null ? Optional.of(deciding.owner())
        : terminalRule != null ? terminalRule.ownerPort() : entry.map(NftElement::owner);
    String reason = switch (verdict) {
      case DNAT -> "DNAT: " + entry.map(NftElement::entry).orElse("?") + " -> " + dnat.target() + " (" + candidates.size()
          + " candidate" + (candidates.size() == 1 ? "" : "s") + (affinityHit ? ", ClientIP affinity" : "") + ")"
          + (masqueraded ? ", masqueraded" : "");
      case REJECT, DROP -> verdict + ": " + refusal(deciding);
      case ACCEPT -> "ACCEPT";
      case NO_MATCH -> entry.isPresent()
          ? "NO_MATCH: " + entry.get().entry() + " matched but no rule translated or refused the packet"
          : "NO_MATCH: no kube-proxy rule for " + protocol + " " + Ip4.format(packet.destination()) + ":" + destinationPort;
    };
    List<String> backends = verdict != Verdict.DNAT ? List.of()
        : candidates.isEmpty() ? List.of(dnat.target()) : List.copyOf(new TreeSet<>(candidates));
    boolean dnatted = verdict == Verdict.DNAT;
    return new PacketDecision(verdict, dnatted ? destination : packet.destination(),
        dnatted ? destinationPort : packet.destinationPort(), backends, masqueraded, service, chains, matched, reason, examined);
  }

  /** Why a REJECT or DROP: the Service port's element, or the rule's comment, or the rule. */
  private String refusal(NftElement element) {
    if (element != null && element.map().startsWith("no-endpoint")) {
      return "service " + element.owner() + (element.verdict() instanceof Drop ? " has no local endpoints" : " has no endpoints");
    }
    if (element != null && element.map().equals(NftBaseRules.FIREWALL_IPS)) {
      return "service " + element.owner() + " traffic not accepted by " + ((Goto) element.verdict()).chain();
    }
    if (terminalRule == null) {
      return "?";
    }
    return terminalRule.comment() != null ? terminalRule.comment() : terminalRule.text();
  }
}
