package dev.kubesim.impl.net;

import java.util.List;
import java.util.Objects;

/**
 * A node's netfilter rules' decision on a new connection, as conntrack keeps it.
 *
 * @param verdict what the rules did
 * @param destination the destination after DNAT (the original one otherwise)
 * @param destinationPort likewise
 * @param masquerade whether the packet was marked for source NAT on its way out
 * @param chains the chains the packet went through, in order ({@code KUBE-SERVICES}, {@code KUBE-SVC-...})
 * @param reason the rules' own one-line account
 * @param servicePort the Service port that decided, as {@code namespace/name[:portname]/PROTOCOL}, or empty
 * @param object the deciding object as {@code service/NAMESPACE/NAME}, or {@code -}
 */
public record NatDecision(NatVerdict verdict, int destination, int destinationPort, boolean masquerade, List<String> chains,
    String reason, String servicePort, String object) {
  public NatDecision {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(chains, "chains");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(servicePort, "servicePort");
    Objects.requireNonNull(object, "object");
  }

  /** No rule matched: the packet goes on unchanged. */
  public static NatDecision noMatch(Packet p) {
    return new NatDecision(NatVerdict.NO_MATCH, p.destination(), p.destinationPort(), false, List.of(), "", "", "-");
  }

  /** The first and last service chains, {@code KUBE-SVC-X / KUBE-SEP-Y}, as the trace names the rule. */
  public String rule() {
    String first = null;
    String last = null;
    for (String c : chains) {
      if (c.startsWith("KUBE-SVC-") || c.startsWith("KUBE-SVL-") || c.startsWith("KUBE-EXT-") || c.startsWith("KUBE-FW-")) {
        if (first == null) {
          first = c;
        }
      } else if (c.startsWith("KUBE-SEP-")) {
        last = c;
      }
    }
    if (first == null && last == null) {
      return String.join(" → ", chains);
    }
    return first == null ? last : last == null ? first : first + " / " + last;
  }

  /** {@code DNAT 10.96.1.5:80 → 10.244.2.7:8080 by KUBE-SVC-… / KUBE-SEP-…} for a packet to that address. */
  public String describeDnat(Packet original) {
    return "DNAT " + Ip4.format(original.destination()) + ":" + original.destinationPort() + " → "
        + Ip4.format(destination) + ":" + destinationPort + " by " + rule()
        + (servicePort.isEmpty() ? "" : " (" + service() + ")");
  }

  /** The Service port as kube-proxy's rule comments name it ({@code default/kubia}, {@code default/web:http}), or empty. */
  public String service() {
    int slash = servicePort.lastIndexOf('/');
    return slash <= servicePort.indexOf('/') ? servicePort : servicePort.substring(0, slash);
  }
}
