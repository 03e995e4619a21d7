package dev.kubesim.impl.netpol;

import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.IpProtocol;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PolicyRef;
import dev.kubesim.impl.net.PolicyRef.Direction;
import java.util.List;
import java.util.stream.Collectors;

/** The one-line accounts of policy decisions that traces and dispositions show. */
final class PolicyText {
  private PolicyText() {}

  /** {@code NetworkPolicy x/allow-b ingress[0] admits TCP 10.244.1.4 -> x/a:80}. */
  static String admitted(PodEntry pod, Direction direction, Packet p, PolicyRef rule) {
    return "NetworkPolicy " + rule + " admits " + connection(pod, direction, p);
  }

  /**
   * {@code NetworkPolicy x/deny-ingress isolates x/a for ingress and no rule admits TCP 10.244.2.5 -> x/a:80}.
   */
  static String denied(PodEntry pod, Direction direction, Packet p, List<PolicyRef> isolating) {
    String names = isolating.stream().map(PolicyRef::toString).collect(Collectors.joining(", "));
    return "NetworkPolicy " + names + " isolate" + (isolating.size() == 1 ? "s " : " ") + pod + " for "
        + direction.field() + " and no rule admits " + connection(pod, direction, p);
  }

  private static String connection(PodEntry pod, Direction direction, Packet p) {
    String port = p.protocol() == IpProtocol.ICMP ? "" : ":" + p.destinationPort();
    return direction == Direction.INGRESS
        ? p.protocol() + " " + Ip4.format(p.source()) + " -> " + pod + port
        : p.protocol() + " " + pod + " -> " + Ip4.format(p.destination()) + port;
  }
}
