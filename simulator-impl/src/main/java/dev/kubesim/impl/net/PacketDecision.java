package dev.kubesim.impl.net;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.trace.HopSubject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a node's netfilter rules did with the first packet of a new connection, and why: the one
 * decision type of the packet path. kube-proxy's rules make it, conntrack keeps it for the rest of
 * the connection (the chosen endpoint, the masquerade mark), the trace names its chains and the
 * deciding Service port, and the client's result reports it.
 *
 * <p>A policy decision names the admitting rule's policy, or every policy isolating the pod when
 * none admitted the connection.
 */
public final class PacketDecision implements HopSubject {
  private final Verdict verdict;
  private final int destination;
  private final int destinationPort;
  private final List<String> backends;
  private final boolean masquerade;
  private final Optional<ServicePortName> servicePort;
  private final List<String> chains;
  private final List<String> rules;
  private final int rulesExamined;
  private final List<PolicyRef> policies;
  /** The reason's text once made; made on first read when the decision came with a supplier of it. */
  private String reason;
  private Supplier<String> reasonText;

  private PacketDecision(Verdict verdict, int destination, int destinationPort, List<String> backends, boolean masquerade,
      Optional<ServicePortName> servicePort, List<String> chains, List<String> rules, String reason,
      Supplier<String> reasonText, int rulesExamined, List<PolicyRef> policies) {
    this.verdict = Objects.requireNonNull(verdict, "verdict");
    this.destination = destination;
    this.destinationPort = destinationPort;
    this.backends = ImmutableList.copyOf(backends);
    this.masquerade = masquerade;
    this.servicePort = Objects.requireNonNull(servicePort, "servicePort");
    this.chains = ImmutableList.copyOf(chains);
    this.rules = ImmutableList.copyOf(rules);
    this.reason = reason;
    this.reasonText = reasonText;
    this.rulesExamined = rulesExamined;
    this.policies = ImmutableList.copyOf(policies);
  }

  /** What kube-proxy's rules decided: no NetworkPolicy involved. */
  public PacketDecision(Verdict verdict, int destination, int destinationPort, List<String> backends, boolean masquerade,
      Optional<ServicePortName> servicePort, List<String> chains, List<String> rules, String reason, int rulesExamined) {
    this(verdict, destination, destinationPort, backends, masquerade, servicePort, chains, rules,
        Objects.requireNonNull(reason, "reason"), null, rulesExamined, List.of());
  }

  /**
   * A NetworkPolicy decision ({@link Verdict#ACCEPT} or {@link Verdict#DROP}) on a packet, naming
   * the policies; its text is made only when read (most admitted connections are never printed).
   */
  public static PacketDecision policy(Verdict verdict, Packet p, List<PolicyRef> policies, Supplier<String> reason) {
    return new PacketDecision(verdict, p.destination(), p.destinationPort(), List.of(), false, Optional.empty(), List.of(),
        List.of(), null, Objects.requireNonNull(reason, "reason"), 0, policies);
  }

  /** What the rules did. */
  public Verdict verdict() {
    return verdict;
  }

  /** The destination after DNAT (the original one otherwise). */
  public int destination() {
    return destination;
  }

  /** The destination port after DNAT. */
  public int destinationPort() {
    return destinationPort;
  }

  /** Every endpoint the deciding chain could have chosen ({@code ip:port}, sorted); empty unless DNAT'd. */
  public List<String> backends() {
    return backends;
  }

  /** Whether the packet was marked for source NAT ({@code KUBE-MARK-MASQ}). */
  public boolean masquerade() {
    return masquerade;
  }

  /** The Service port whose rules decided, if any. */
  public Optional<ServicePortName> servicePort() {
    return servicePort;
  }

  /** The chains traversed, nat first, then the filter chains whose rules matched. */
  public List<String> chains() {
    return chains;
  }

  /** Every rule that matched, as iptables commands. */
  public List<String> rules() {
    return rules;
  }

  /** One line for people, e.g. {@code REJECT: service ns1/svc1:p80 has no endpoints}. */
  public String reason() {
    if (reason == null) {
      reason = reasonText.get();
      reasonText = null;
    }
    return reason;
  }

  /** How many rules were tested: the cost of the decision, independent of the number of Services. */
  public int rulesExamined() {
    return rulesExamined;
  }

  /** The NetworkPolicies behind a policy decision; empty for kube-proxy's decisions. */
  public List<PolicyRef> policies() {
    return policies;
  }

  /** No rule matched: the packet goes on unchanged. */
  public static PacketDecision noMatch(Packet p) {
    return new PacketDecision(Verdict.NO_MATCH, p.destination(), p.destinationPort(), List.of(), false, Optional.empty(),
        List.of(), List.of(), "", 0);
  }

  /** A decision of an element outside the nodes (a load balancer, a router): no chains, no Service port. */
  public static PacketDecision of(Verdict verdict, int destination, int destinationPort, String reason) {
    return new PacketDecision(verdict, destination, destinationPort, List.of(), false, Optional.empty(), List.of(),
        List.of(), reason, 0);
  }

  /**
   * How the trace names kube-proxy's source NAT of a marked packet: in the words of the mode whose
   * chains marked it (nftables mode's {@code mark-for-masquerade}, iptables mode's {@code KUBE-MARK-MASQ}).
   */
  public String masqueradeText() {
    return chains.contains("mark-for-masquerade")
        ? "masquerade by masquerading: the packet was marked by mark-for-masquerade"
        : "MASQUERADE by KUBE-POSTROUTING: the packet was marked by KUBE-MARK-MASQ";
  }

  /** The chosen endpoint as {@code ip:port} when DNAT'd. */
  public Optional<String> backend() {
    return verdict == Verdict.DNAT ? Optional.of(Ip4.format(destination) + ":" + destinationPort) : Optional.empty();
  }

  /** The deciding object: {@code service/NAMESPACE/NAME} or {@code networkpolicy/NAMESPACE/NAME}, if any. */
  public Optional<ObjectRef> object() {
    if (servicePort.isPresent()) {
      return Optional.of(ObjectRef.service(servicePort.get().namespace(), servicePort.get().name()));
    }
    return policies.isEmpty() ? Optional.empty() : Optional.of(policies.get(0).object());
  }

  /**
   * Why a connection this decision stopped goes no further: a NetworkPolicy's drop, kube-proxy's
   * REJECT of a Service port without endpoints, or another DROP rule.
   */
  public Cause cause() {
    if (!policies.isEmpty()) {
      return Cause.POLICY_DENIED;
    }
    // nftables mode also rejects ports no Service has on a live clusterIP: no Service port decided that.
    return verdict == Verdict.REJECT && servicePort.isPresent() ? Cause.NO_ENDPOINTS : Cause.FILTERED;
  }

  @Override
  public Optional<ObjectRef> hopObject() {
    return object();
  }

  /**
   * The rule as its owner names it: kube-proxy's service chains ({@code KUBE-SVC-… / KUBE-SEP-…},
   * or the chains traversed), the NetworkPolicy rule that admitted the connection ({@code
   * ingress[0].from[1]}); empty for a policy that isolates the pod without admitting it.
   */
  @Override
  public Optional<String> hopRule() {
    if (!policies.isEmpty()) {
      String path = policies.get(0).rulePath();
      return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }
    String rule = rule();
    return rule.isEmpty() ? Optional.empty() : Optional.of(rule);
  }

  /**
   * The first and last service chains, {@code KUBE-SVC-X / KUBE-SEP-Y} (nftables mode: {@code
   * service-X-ns/svc/tcp/p / endpoint-Y-…}), as the trace names the rule.
   */
  public String rule() {
    String first = null;
    String last = null;
    for (String c : chains) {
      if (c.startsWith("KUBE-SVC-") || c.startsWith("KUBE-SVL-") || c.startsWith("KUBE-EXT-") || c.startsWith("KUBE-FW-")
          || c.startsWith("service-") || c.startsWith("local-") || c.startsWith("external-") || c.startsWith("firewall-")) {
        if (first == null) {
          first = c;
        }
      } else if (c.startsWith("KUBE-SEP-") || c.startsWith("endpoint-")) {
        last = c;
      }
    }
    if (first == null && last == null) {
      return String.join(" → ", chains);
    }
    return first == null ? last : last == null ? first : first + " / " + last;
  }

  /** {@code DNAT 10.96.1.5:80 → 10.244.2.7:8080 by KUBE-SVC-… / KUBE-SEP-… (default/kubia)} for a packet to that address. */
  public String describeDnat(Packet original) {
    return "DNAT " + Ip4.format(original.destination()) + ":" + original.destinationPort() + " → "
        + Ip4.format(destination) + ":" + destinationPort + " by " + rule()
        + servicePort.map(p -> " (" + p + ")").orElse("");
  }

  @Override
  public String toString() {
    return reason() + " " + chains;
  }
}
