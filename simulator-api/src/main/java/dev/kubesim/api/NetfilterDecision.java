package dev.kubesim.api;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * What a node's netfilter hooks (conntrack, then kube-proxy's rules) do with the first packet of a
 * connection ({@link NodeHandle#netfilter}).
 *
 * @param verdict what the rules do with the packet
 * @param backends for {@link Verdict#DNAT}, every endpoint ({@code IP:PORT}) the rules could rewrite
 *     the destination to, not only the one chosen; empty otherwise
 * @param masquerade whether the packet is marked for source NAT
 */
public record NetfilterDecision(Verdict verdict, List<String> backends, boolean masquerade) {
  /**
   * Copies the list immutable and checks that no field is {@code null}.
   *
   * @param verdict what the rules do with the packet
   * @param backends every endpoint the rules could rewrite the destination to
   * @param masquerade whether the packet is marked for source NAT
   */
  public NetfilterDecision {
    Objects.requireNonNull(verdict, "verdict");
    backends = ImmutableList.copyOf(backends);
  }

  /** What kube-proxy's rules do with a packet. */
  public enum Verdict {
    /** The destination is rewritten to one of a Service's endpoints. */
    DNAT,
    /** Refused with ICMP port-unreachable (a Service without endpoints). */
    REJECT,
    /** Silently discarded (a Local policy without local endpoints, a source outside the allowed ranges). */
    DROP,
    /** Explicitly accepted by a filter rule, such as a health-check nodePort's. */
    ACCEPT,
    /** kube-proxy's rules leave the packet alone. */
    NO_MATCH
  }
}
