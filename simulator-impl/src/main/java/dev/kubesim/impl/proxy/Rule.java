package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One iptables rule ({@code -A CHAIN ...}): its text exactly as {@code iptables-save} prints it,
 * and the same matches and target as data, so that packets can be run through it. Built with
 * {@link #append}, whose calls add the match arguments in the order kube-proxy writes them.
 */
public final class Rule {
  /** The mark kube-proxy uses for traffic to masquerade ({@code --masquerade-bit 14}). */
  static final String MASQ_MARK = "0x4000";

  private final Table table;
  private final String chain;
  private final ImmutableList<String> spec;
  private final Optional<ServicePortName> owner;
  private final int order;
  final AddressMatch source;
  final AddressMatch destination;
  final Boolean sourceLocal;
  final Boolean destinationLocal;
  final Protocol protocol;
  final int destinationPort;
  final double probability;
  final String recentName;
  final int recentSeconds;
  final boolean recentSet;
  final Set<String> ctStates;
  final boolean ctStatesNegated;
  final Boolean marked;
  final String comment;
  final String target;
  final String dnatDestination;
  final String markAction;
  private String command;

  private Rule(Builder b) {
    this.table = b.table;
    this.chain = b.chain;
    this.spec = ImmutableList.copyOf(b.spec);
    this.owner = Optional.ofNullable(b.owner);
    this.order = b.order;
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
    this.ctStates = b.ctStates;
    this.ctStatesNegated = b.ctStatesNegated;
    this.marked = b.marked;
    this.comment = b.comment;
    this.target = b.target;
    this.dnatDestination = b.dnatDestination;
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
    return spec.isEmpty() ? "-A " + chain : "-A " + chain + " " + String.join(" ", spec);
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

  /** Collects a rule's arguments in writing order. */
  static final class Builder {
    private final Table table;
    private final String chain;
    private final List<String> spec = new ArrayList<>();
    private ServicePortName owner;
    private int order;
    private AddressMatch source;
    private AddressMatch destination;
    private Boolean sourceLocal;
    private Boolean destinationLocal;
    private Protocol protocol;
    private int destinationPort;
    private double probability = Double.NaN;
    private String recentName;
    private int recentSeconds;
    private boolean recentSet;
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

    Builder owner(ServicePortName value, int position) {
      owner = value;
      order = position;
      return this;
    }

    /** {@code -m comment --comment TEXT}, quoted when it has a space, as iptables-save does. */
    Builder comment(String text) {
      comment = text;
      spec.addAll(List.of("-m", "comment", "--comment", text.contains(" ") ? "\"" + text + "\"" : text));
      return this;
    }

    /** {@code -m tcp -p tcp}. */
    Builder protocol(Protocol p) {
      protocol = p;
      spec.addAll(List.of("-m", p.lower(), "-p", p.lower()));
      return this;
    }

    Builder source(String address) {
      source = AddressMatch.of(address, false);
      spec.addAll(List.of("-s", address));
      return this;
    }

    Builder notSource(String address) {
      source = AddressMatch.of(address, true);
      spec.addAll(List.of("!", "-s", address));
      return this;
    }

    Builder destination(String address) {
      destination = AddressMatch.of(address, false);
      spec.addAll(List.of("-d", address));
      return this;
    }

    Builder notDestination(String address) {
      destination = AddressMatch.of(address, true);
      spec.addAll(List.of("!", "-d", address));
      return this;
    }

    /** {@code -m addrtype --src-type LOCAL}. */
    Builder sourceTypeLocal() {
      sourceLocal = true;
      spec.addAll(List.of("-m", "addrtype", "--src-type", "LOCAL"));
      return this;
    }

    /** {@code -m addrtype --dst-type LOCAL}. */
    Builder destinationTypeLocal() {
      destinationLocal = true;
      spec.addAll(List.of("-m", "addrtype", "--dst-type", "LOCAL"));
      return this;
    }

    Builder destinationPort(int port) {
      destinationPort = port;
      spec.addAll(List.of("--dport", Integer.toString(port)));
      return this;
    }

    /** {@code -m statistic --mode random --probability P}, P written as Go's {@code %0.10f}. */
    Builder probability(double p) {
      probability = p;
      spec.addAll(List.of("-m", "statistic", "--mode", "random", "--probability", String.format(Locale.ROOT, "%.10f", p)));
      return this;
    }

    /** {@code -m recent --name NAME --rcheck --seconds S --reap}: the client was seen within S seconds. */
    Builder recentCheck(String name, int seconds) {
      recentName = name;
      recentSeconds = seconds;
      spec.addAll(List.of("-m", "recent", "--name", name, "--rcheck", "--seconds", Integer.toString(seconds), "--reap"));
      return this;
    }

    /** {@code -m recent --name NAME --set}: remember the client. */
    Builder recentSet(String name) {
      recentName = name;
      recentSet = true;
      spec.addAll(List.of("-m", "recent", "--name", name, "--set"));
      return this;
    }

    /** {@code -m nfacct --nfacct-name NAME}: a counter, always matches. */
    Builder nfacct(String name) {
      spec.addAll(List.of("-m", "nfacct", "--nfacct-name", name));
      return this;
    }

    /** {@code -m conntrack [!] --ctstate A,B}. */
    Builder ctState(boolean negated, String... states) {
      ctStates = ImmutableSet.copyOf(states);
      ctStatesNegated = negated;
      List<String> args = new ArrayList<>(List.of("-m", "conntrack"));
      if (negated) {
        args.add("!");
      }
      args.addAll(List.of("--ctstate", String.join(",", states)));
      spec.addAll(args);
      return this;
    }

    /** {@code -m mark [!] --mark 0x4000/0x4000}. */
    Builder masqueradeMark(boolean set) {
      marked = set;
      spec.addAll(set ? List.of("-m", "mark", "--mark", MASQ_MARK + "/" + MASQ_MARK)
          : List.of("-m", "mark", "!", "--mark", MASQ_MARK + "/" + MASQ_MARK));
      return this;
    }

    /** {@code -j TARGET}. */
    Rule jump(String value) {
      target = value;
      spec.addAll(List.of("-j", value));
      return build();
    }

    /** {@code -j DNAT --to-destination IP:PORT}. */
    Rule dnat(String to) {
      target = "DNAT";
      dnatDestination = to;
      spec.addAll(List.of("-j", "DNAT", "--to-destination", to));
      return build();
    }

    /** {@code -j MARK --or-mark M} or {@code --xor-mark M}. */
    Rule mark(String action) {
      target = "MARK";
      markAction = action;
      spec.addAll(List.of("-j", "MARK", action, MASQ_MARK));
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
