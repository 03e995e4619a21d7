package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition.Cause;
import java.util.Optional;

/**
 * Why a connection-oriented handshake (TCP's, SCTP's) ended without a connection, as both protocols'
 * clients tell it: the kernel's or the client's timeout, or an ICMP error that came back.
 *
 * @param status how the attempt ended
 * @param cause why, as a trace's disposition names it
 * @param object what decided it, if an object did
 * @param reason why, in words
 */
record ConnectFailure(TcpConnection.Status status, Cause cause, Optional<ObjectRef> object, String reason) {
  /** No answer before a timeout: what was lost on the way, if anything was. */
  static ConnectFailure timedOut(TcpConnection.Status status, Delivery.Lost lost) {
    return lost == null
        ? new ConnectFailure(status, Cause.TIMEOUT, Optional.empty(), "no answer")
        : new ConnectFailure(status, lost.cause(), lost.object(), lost.reason());
  }

  /**
   * An ICMP error came back: port-unreachable refuses (kube-proxy's REJECT names its Service, a
   * host's names nothing listening), anything else is no route.
   */
  static ConnectFailure icmp(Delivery.Arrived a) {
    Optional<PacketDecision> refusal = a.decision().filter(d -> d.verdict() == Verdict.REJECT);
    if (a.packet().icmp() == IcmpType.PORT_UNREACHABLE && refusal.isPresent()) {
      return new ConnectFailure(TcpConnection.Status.REFUSED, refusal.get().cause(), refusal.get().object(),
          refusal.get().reason());
    }
    boolean portUnreachable = a.packet().icmp() == IcmpType.PORT_UNREACHABLE;
    return new ConnectFailure(portUnreachable ? TcpConnection.Status.REFUSED : TcpConnection.Status.NO_ROUTE,
        portUnreachable ? Cause.NOTHING_LISTENING : Cause.NO_ROUTE, Optional.empty(),
        "ICMP " + a.packet().icmp().text() + " from " + Ip4.format(a.packet().source()));
  }
}
