package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one node's kube-proxy rules did with a packet, and why.
 *
 * @param packet the packet as it arrived
 * @param verdict DNAT, REJECT, DROP, ACCEPT or NO_MATCH
 * @param backend the chosen endpoint ({@code ip:port}) when DNAT'd
 * @param backends every endpoint the deciding chain could have chosen ({@code ip:port}, sorted); empty unless DNAT'd
 * @param masquerade whether the packet was marked for source NAT ({@code KUBE-MARK-MASQ})
 * @param servicePort the service port whose rules decided, if any
 * @param chains the kube-proxy chains traversed, nat first, then the filter chains whose rules matched
 * @param rules every rule that matched, as iptables commands ({@code -t nat -A ...})
 * @param reason one line for people, e.g. {@code REJECT: service ns1/svc1:p80 has no endpoints}
 * @param rulesExamined how many rules were tested: the cost of the decision, independent of the number of Services
 */
public record PacketDecision(
    Packet packet,
    Verdict verdict,
    Optional<String> backend,
    List<String> backends,
    boolean masquerade,
    Optional<ServicePortName> servicePort,
    List<String> chains,
    List<String> rules,
    String reason,
    int rulesExamined) {
  public PacketDecision {
    Objects.requireNonNull(packet, "packet");
    Objects.requireNonNull(verdict, "verdict");
    backends = ImmutableList.copyOf(backends);
    chains = ImmutableList.copyOf(chains);
    rules = ImmutableList.copyOf(rules);
  }

  /** The destination after kube-proxy's rules: the chosen endpoint's address, or the original one. */
  public String destination() {
    return backend.map(b -> b.substring(0, b.lastIndexOf(':'))).orElse(packet.destination());
  }

  /** The destination port after kube-proxy's rules. */
  public int destinationPort() {
    return backend.map(b -> Integer.parseInt(b.substring(b.lastIndexOf(':') + 1))).orElse(packet.destinationPort());
  }

  @Override
  public String toString() {
    return reason + " " + chains;
  }
}
