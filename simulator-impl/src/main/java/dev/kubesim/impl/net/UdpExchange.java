package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.TraceHop.Action;
import dev.kubesim.impl.trace.Reason;
import java.util.Optional;

/**
 * One UDP request and its answer (a DNS query): a datagram from an ephemeral port, the listener's
 * reply back through conntrack. A closed port answers ICMP port-unreachable; silence lasts until the
 * client's timeout.
 */
public final class UdpExchange {
  private UdpExchange() {}

  /** How the exchange ended. */
  public enum Status {
    ANSWERED,
    /** ICMP port-unreachable (a REJECT rule, or nothing listening). */
    REFUSED,
    /** Nothing came back within the timeout. */
    TIMED_OUT,
    NO_ROUTE
  }

  /**
   * The outcome.
   *
   * @param answer the reply's payload when answered
   * @param server the namespace that answered
   * @param cause why it ended so ({@link Cause#ANSWERED} when answered)
   * @param object who answered, or what decided a failure, if an object did
   */
  public record Result(Status status, Optional<Payload> answer, Optional<Netns> server, Cause cause,
      Optional<ObjectRef> object, String reason) {}

  /**
   * Sends a datagram and waits up to {@code timeoutNanos} of virtual time for the answer.
   *
   * @param why the sender's reason for the trace ({@code DNS query 1 of 2 to 10.96.0.10}), or null
   */
  public static Result request(Network net, Session s, Netns from, int destination, int port, Payload payload,
      long timeoutNanos, Reason why) {
    return request(net, s, from, net.ephemeralPort(), destination, port, payload, timeoutNanos, why);
  }

  /**
   * Like {@link #request(Network, Session, Netns, int, int, Payload, long, Reason)}, from a source
   * port the client already has (a connected UDP socket whose local address it reports).
   */
  public static Result request(Network net, Session s, Netns from, int sport, int destination, int port,
      Payload payload, long timeoutNanos, Reason why) {
    long sentAt = s.now();
    Packet datagram = Packet.udp(from.address(), sport, destination, port, payload);
    Delivery d = net.send(s, from, datagram, why);
    if (d instanceof Delivery.Lost lost) {
      if (lost.kind() == Delivery.Loss.NO_ROUTE) {
        return new Result(Status.NO_ROUTE, Optional.empty(), Optional.empty(), lost.cause(), lost.object(), lost.reason());
      }
      return timeout(s, from, sentAt, timeoutNanos, lost.cause(), lost.object(), lost.reason());
    }
    Delivery.Arrived a = (Delivery.Arrived) d;
    if (a.packet().protocol() == IpProtocol.ICMP) {
      Optional<PacketDecision> r = a.decision().filter(x -> x.verdict() == Verdict.REJECT);
      return new Result(Status.REFUSED, Optional.empty(), Optional.empty(),
          r.map(PacketDecision::cause).orElse(Cause.NOTHING_LISTENING), r.flatMap(PacketDecision::object),
          r.map(PacketDecision::reason).orElse("ICMP port unreachable"));
    }
    Netns server = a.at();
    Packet got = a.packet();
    if (!server.sockets().listening(IpProtocol.UDP, got.destinationPort())) {
      String reason = "nothing listens on UDP port " + got.destinationPort() + " in " + server.object();
      Delivery back = net.send(s, server, got.icmpError(got.destination(), IcmpType.PORT_UNREACHABLE), reason);
      if (back instanceof Delivery.Arrived b && b.at() == from) {
        return new Result(Status.REFUSED, Optional.empty(), Optional.of(server), Cause.NOTHING_LISTENING,
            Optional.of(server.object()), reason);
      }
      return timeout(s, from, sentAt, timeoutNanos, Cause.NOTHING_LISTENING, Optional.of(server.object()), reason);
    }
    Optional<Payload> answer = net.receive(s, server, got);
    if (answer.isEmpty()) {
      return timeout(s, from, sentAt, timeoutNanos, Cause.TIMEOUT, Optional.of(server.object()),
          "the listener in " + server.object() + " did not answer");
    }
    Packet reply = Packet.udp(got.destination(), got.destinationPort(), got.source(), got.sourcePort(), answer.get());
    Delivery back = net.send(s, server, reply);
    if (back instanceof Delivery.Arrived b && b.at() == from && b.packet().source() == destination
        && b.packet().sourcePort() == port) {
      return new Result(Status.ANSWERED, answer, Optional.of(server), Cause.ANSWERED, Optional.of(server.object()), "");
    }
    if (back instanceof Delivery.Lost l) {
      return timeout(s, from, sentAt, timeoutNanos, l.cause(), l.object(), l.reason());
    }
    return timeout(s, from, sentAt, timeoutNanos, Cause.TIMEOUT, Optional.empty(),
        "the answer came back from an address the client did not ask");
  }

  private static Result timeout(Session s, Netns from, long sentAt, long timeoutNanos, Cause cause,
      Optional<ObjectRef> object, String reason) {
    s.advanceTo(sentAt + timeoutNanos);
    s.note(from, "socket", Action.TIMEOUT, "no answer within " + (timeoutNanos / 1_000_000) + " ms");
    return new Result(Status.TIMED_OUT, Optional.empty(), Optional.empty(), cause, object, reason);
  }
}
