package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableSet;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.ServicePortName;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One iptables rule ({@code -A CHAIN ...}): its matches and target as data, so that packets can be
 * run through it, and the order in which they were written, so that its text is exactly what
 * {@code iptables-save} prints. Built with {@link #append}, whose calls add the match arguments in
 * the order kube-proxy writes them. The text is rendered only when asked for (a dump, a trace): a
 * node holds hundreds of thousands of rules and a packet meets a handful of them.
 */
public final class Rule {
  /** The mark kube-proxy uses for traffic to masquerade ({@code --masquerade-bit 14}). */
  static final String MASQ_MARK = "0x4000";

  /** The match arguments a rule can carry, each written at most once, in the order the builder got them. */
  private enum Match {
    COMMENT,
    PROTOCOL,
    SOURCE,
    DESTINATION,
    SOURCE_TYPE_LOCAL,
    DESTINATION_TYPE_LOCAL,
    DESTINATION_PORT,
    PROBABILITY,
    RECENT_CHECK,
    RECENT_SET,
    NFACCT,
    CT_STATE,
    MARK;

    private static final Match[] VALUES = values();
  }

  /** Bits per match in {@link #matchOrder}: the ordinal plus one, so that zero ends the list. */
  private static final int MATCH_BITS = 4;
  private static final int MAX_MATCHES = Long.SIZE / MATCH_BITS;

  private final Table table;
  private final String chain;
  private final ServicePortName owner;
  private final int order;
  /** The matches in writing order, {@link #MATCH_BITS} bits each from the low end. */
  private final long matchOrder;
  final AddressMatch source;
  final AddressMatch destination;
  final Boolean sourceLocal;
  final Boolean destinationLocal;
  final IpProtocol protocol;
  final int destinationPort;
  final double probability;
  final String recentName;
  final int recentSeconds;
  final boolean recentSet;
  final String nfacctName;
  final Set<String> ctStates;
  final boolean ctStatesNegated;
  final Boolean marked;
  final String comment;
  final String target;
  final String dnatDestination;
  /** The DNAT target's address and port, parsed once when the rule is written. */
  final int dnatAddress;
  final int dnatPort;
  final String markAction;
  private String command;

  private Rule(Builder b) {
    this.table = b.table;
    this.chain = b.chain;
    this.owner = b.owner;
    this.order = b.order;
    this.matchOrder = b.matchOrder;
    this.source = b.source;
    this.destination = b.destination;
    this.sourceLocal = b.sourceLocal;
    this.destinationLocal = b.destinationLocal;
    this.protocol = b.protocol;
    this.destinationPort = b.destinationPort;
    this.probability = b.probability;
    this.recentName = b.recentName;
    this.recentSeconds = b.recentSeconds;
    this.recentSet = b.recentSet;
    this.nfacctName = b.nfacctName;
    this.ctStates = b.ctStates;
    this.ctStatesNegated = b.ctStatesNegated;
    this.marked = b.marked;
    this.comment = b.comment;
    this.target = b.target;
    this.dnatDestination = b.dnatDestination;
    int colon = dnatDestination == null ? -1 : dnatDestination.lastIndexOf(':');
    this.dnatAddress = colon < 0 ? 0 : Ip4.parse(dnatDestination.substring(0, colon));
    this.dnatPort = colon < 0 ? 0 : Integer.parseInt(dnatDestination.substring(colon + 1));
    this.markAction = b.markAction;
  }

  /** Starts a rule appended to a chain. */
  static Builder append(Table table, String chain) {
    return new Builder(table, chain);
  }

  public Table table() {
    return table;
  }

  public String chain() {
    return chain;
  }

  /** The service port whose rules this belongs to; empty for kube-proxy's fixed rules. */
  public Optional<ServicePortName> owner() {
    return Optional.ofNullable(owner);
  }

  /** The owning service port, or null for a fixed rule (for comparisons on the lookup path). */
  ServicePortName ownerOrNull() {
    return owner;
  }

  /** Position among its owner's rules, so that merged lookups keep the chain's order. */
  int order() {
    return order;
  }

  /** The target ({@code -j}): a chain or {@code ACCEPT}, {@code DNAT}, ...; empty for a comment-only rule. */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /** The {@code --comment} text, if any. */
  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  /** {@code -A CHAIN ...} as iptables-save prints it. */
  public String text() {
    StringBuilder out = new StringBuilder(160).append("-A ").append(chain);
    appendArguments(out);
    return out.toString();
  }

  /** {@code -t TABLE -A CHAIN ...}: the rule with its table, as an iptables command takes it. */
  public String command() {
    // kept once built: every decision that matches the rule records it
    if (command == null) {
      command = "-t " + table.iptablesName() + " " + text();
    }
    return command;
  }

  @Override
  public String toString() {
    return command();
  }

  /** Appends {@code " ARG ARG ..."}: the matches in writing order, then the target. */
  private void appendArguments(StringBuilder out) {
    for (long rest = matchOrder; rest != 0; rest >>>= MATCH_BITS) {
      switch (Match.VALUES[(int) (rest & ((1 << MATCH_BITS) - 1)) - 1]) {
        case COMMENT -> args(out, "-m", "comment", "--comment", comment.contains(" ") ? "\"" + comment + "\"" : comment);
        case PROTOCOL -> args(out, "-m", protocol.lower(), "-p", protocol.lower());
        case SOURCE -> address(out, "-s", source);
        case DESTINATION -> address(out, "-d", destination);
        case SOURCE_TYPE_LOCAL -> args(out, "-m", "addrtype", "--src-type", "LOCAL");
        case DESTINATION_TYPE_LOCAL -> args(out, "-m", "addrtype", "--dst-type", "LOCAL");
        case DESTINATION_PORT -> out.append(" --dport ").append(destinationPort);
        case PROBABILITY -> args(out, "-m", "statistic", "--mode", "random", "--probability",
            String.format(Locale.ROOT, "%.10f", probability));
        case RECENT_CHECK -> out.append(" -m recent --name ").append(recentName).append(" --rcheck --seconds ")
            .append(recentSeconds).append(" --reap");
        case RECENT_SET -> args(out, "-m", "recent", "--name", recentName, "--set");
        case NFACCT -> args(out, "-m", "nfacct", "--nfacct-name", nfacctName);
        case CT_STATE -> {
          out.append(" -m conntrack");
          if (ctStatesNegated) {
            out.append(" !");
          }
          out.append(" --ctstate ").append(String.join(",", ctStates));
        }
        case MARK -> out.append(marked ? " -m mark --mark " : " -m mark ! --mark ").append(MASQ_MARK).append('/').append(MASQ_MARK);
      }
    }
    if (dnatDestination != null) {
      args(out, "-j", "DNAT", "--to-destination", dnatDestination);
    } else if (markAction != null) {
      args(out, "-j", "MARK", markAction, MASQ_MARK);
    } else if (target != null) {
      args(out, "-j", target);
    }
  }

  private static void address(StringBuilder out, String flag, AddressMatch match) {
    if (match.negated()) {
      out.append(" !");
    }
    args(out, flag, match.text());
  }

  private static void args(StringBuilder out, String... words) {
    for (String w : words) {
      out.append(' ').append(w);
    }
  }

  /** Collects a rule's arguments in writing order. */
  static final class Builder {
    private final Table table;
    private final String chain;
    private long matchOrder;
    private int matches;
    private ServicePortName owner;
    private int order;
    private AddressMatch source;
    private AddressMatch destination;
    private Boolean sourceLocal;
    private Boolean destinationLocal;
    private IpProtocol protocol;
    private int destinationPort;
    private double probability = Double.NaN;
    private String recentName;
    private int recentSeconds;
    private boolean recentSet;
    private String nfacctName;
    private Set<String> ctStates;
    private boolean ctStatesNegated;
    private Boolean marked;
    private String comment;
    private String target;
    private String dnatDestination;
    private String markAction;

    private Builder(Table table, String chain) {
      this.table = table;
      this.chain = chain;
    }

    /** Records that a match was written next; each kind at most once, as kube-proxy writes them. */
    private Builder written(Match m) {
      long code = m.ordinal() + 1;
      for (long rest = matchOrder; rest != 0; rest >>>= MATCH_BITS) {
        if ((rest & ((1 << MATCH_BITS) - 1)) == code) {
          throw new IllegalStateException("rule in " + chain + " already has a " + m + " match");
        }
      }
      if (matches == MAX_MATCHES) {
        throw new IllegalStateException("too many matches in a rule of " + chain);
      }
      matchOrder |= code << (MATCH_BITS * matches++);
      return this;
    }

    Builder owner(ServicePortName value, int position) {
      owner = value;
      order = position;
      return this;
    }

    /** {@code -m comment --comment TEXT}, quoted when it has a space, as iptables-save does. */
    Builder comment(String text) {
      comment = text;
      return written(Match.COMMENT);
    }

    /** {@code -m tcp -p tcp}. */
    Builder protocol(IpProtocol p) {
      protocol = p;
      return written(Match.PROTOCOL);
    }

    Builder source(String address) {
      source = AddressMatch.of(address, false);
      return written(Match.SOURCE);
    }

    Builder notSource(String address) {
      source = AddressMatch.of(address, true);
      return written(Match.SOURCE);
    }

    Builder destination(String address) {
      destination = AddressMatch.of(address, false);
      return written(Match.DESTINATION);
    }

    Builder notDestination(String address) {
      destination = AddressMatch.of(address, true);
      return written(Match.DESTINATION);
    }

    /** {@code -m addrtype --src-type LOCAL}. */
    Builder sourceTypeLocal() {
      sourceLocal = true;
      return written(Match.SOURCE_TYPE_LOCAL);
    }

    /** {@code -m addrtype --dst-type LOCAL}. */
    Builder destinationTypeLocal() {
      destinationLocal = true;
      return written(Match.DESTINATION_TYPE_LOCAL);
    }

    Builder destinationPort(int port) {
      destinationPort = port;
      return written(Match.DESTINATION_PORT);
    }

    /** {@code -m statistic --mode random --probability P}, P written as Go's {@code %0.10f}. */
    Builder probability(double p) {
      probability = p;
      return written(Match.PROBABILITY);
    }

    /** {@code -m recent --name NAME --rcheck --seconds S --reap}: the client was seen within S seconds. */
    Builder recentCheck(String name, int seconds) {
      recentName = name;
      recentSeconds = seconds;
      return written(Match.RECENT_CHECK);
    }

    /** {@code -m recent --name NAME --set}: remember the client. */
    Builder recentSet(String name) {
      recentName = name;
      recentSet = true;
      return written(Match.RECENT_SET);
    }

    /** {@code -m nfacct --nfacct-name NAME}: a counter, always matches. */
    Builder nfacct(String name) {
      nfacctName = name;
      return written(Match.NFACCT);
    }

    /** {@code -m conntrack [!] --ctstate A,B}. */
    Builder ctState(boolean negated, String... states) {
      ctStates = ImmutableSet.copyOf(states);
      ctStatesNegated = negated;
      return written(Match.CT_STATE);
    }

    /** {@code -m mark [!] --mark 0x4000/0x4000}. */
    Builder masqueradeMark(boolean set) {
      marked = set;
      return written(Match.MARK);
    }

    /** {@code -j TARGET}. */
    Rule jump(String value) {
      target = value;
      return build();
    }

    /** {@code -j DNAT --to-destination IP:PORT}. */
    Rule dnat(String to) {
      target = "DNAT";
      dnatDestination = to;
      return build();
    }

    /** {@code -j MARK --or-mark M} or {@code --xor-mark M}. */
    Rule mark(String action) {
      target = "MARK";
      markAction = action;
      return build();
    }

    /** A rule without a target (kube-proxy writes one at the end of KUBE-FW chains as a note). */
    Rule noTarget() {
      return build();
    }

    Rule build() {
      return new Rule(this);
    }
  }
}
