package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.TraceHop.Action;
import java.util.Optional;

/**
 * One ICMP echo request and its reply, as {@code ping} sends them: every namespace's kernel answers
 * an echo addressed to one of its addresses; an address nobody has (a ClusterIP) stays silent.
 */
public final class IcmpEcho {
  private IcmpEcho() {}

  /**
   * The outcome of one echo.
   *
   * @param ttl the reply's TTL as it arrived
   * @param rttNanos the round trip in virtual time
   * @param cause why it ended so ({@link Cause#ANSWERED} for a reply)
   * @param object who replied, or what decided a failure, if an object did
   */
  public record Result(boolean replied, boolean noRoute, int ttl, long rttNanos, int replyBytes, Cause cause,
      Optional<ObjectRef> object, String reason) {}

  /** Sends echo request {@code sequence} and waits up to {@code timeoutNanos} for its reply. */
  public static Result ping(Network net, Session s, Netns from, int destination, int identifier, int sequence,
      int dataBytes, long timeoutNanos) {
    long sentAt = s.now();
    Packet echo = Packet.icmp(from.address(), destination, IcmpType.ECHO_REQUEST, identifier, new EchoPayload(sequence, dataBytes));
    Delivery d = net.send(s, from, echo);
    if (d instanceof Delivery.Lost lost) {
      if (lost.kind() == Delivery.Loss.NO_ROUTE) {
        return new Result(false, true, 0, 0, 0, lost.cause(), lost.object(), lost.reason());
      }
      return silence(s, from, sentAt, timeoutNanos, lost.cause(), lost.object(), lost.reason());
    }
    Delivery.Arrived a = (Delivery.Arrived) d;
    Packet got = a.packet();
    if (got.icmp() != IcmpType.ECHO_REQUEST) {
      return silence(s, from, sentAt, timeoutNanos, got.icmp() == IcmpType.PORT_UNREACHABLE ? Cause.NOTHING_LISTENING
          : Cause.NO_ROUTE, Optional.empty(), "ICMP " + got.icmp().text());
    }
    Packet reply = Packet.icmp(got.destination(), got.source(), IcmpType.ECHO_REPLY, got.sourcePort(), got.payload());
    Delivery back = net.send(s, a.at(), reply, "the kernel answers the echo");
    if (back instanceof Delivery.Arrived b && b.at() == from && b.packet().icmp() == IcmpType.ECHO_REPLY) {
      return new Result(true, false, b.packet().ttl(), s.now() - sentAt, reply.payload().length(), Cause.ANSWERED,
          Optional.of(a.at().object()), "");
    }
    Delivery.Lost l = back instanceof Delivery.Lost x ? x
        : new Delivery.Lost(Delivery.Loss.NO_HOST, Optional.empty(), "the reply went astray");
    return silence(s, from, sentAt, timeoutNanos, l.cause(), l.object(), l.reason());
  }

  private static Result silence(Session s, Netns from, long sentAt, long timeoutNanos, Cause cause,
      Optional<ObjectRef> object, String reason) {
    s.advanceTo(sentAt + timeoutNanos);
    s.note(from, "socket", Action.TIMEOUT, "no echo reply");
    return new Result(false, false, 0, 0, 0, cause, object, reason);
  }
}
