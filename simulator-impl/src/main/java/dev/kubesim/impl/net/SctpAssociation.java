package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.TraceHop.Action;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's SCTP association through the network: the four-way handshake (INIT, INIT ACK, COOKIE
 * ECHO, COOKIE ACK), DATA chunks each answered by the server's listener, and the shutdown
 * (SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE) — every chunk a packet walked through the network,
 * through kube-proxy's rules, conntrack and NetworkPolicy like any other.
 *
 * <p>A namespace where nothing listens on the port answers the INIT with an ABORT, and an ICMP
 * port-unreachable (a REJECT rule) refuses too: {@code ECONNREFUSED}. An unanswered INIT is sent
 * again after 3, 6, 12 ... seconds (at most 60), as Linux does ({@code net.sctp.rto_initial} 3000
 * ms, {@code rto_max} 60000 ms), and the kernel gives up after {@code max_init_retransmits} 8 unless
 * the client's own deadline comes first.
 */
public final class SctpAssociation {
  /** {@code net.sctp.rto_initial}. */
  static final long RTO_INITIAL = 3_000_000_000L;
  /** {@code net.sctp.rto_max}. */
  static final long RTO_MAX = 60_000_000_000L;
  /** {@code net.sctp.max_init_retransmits}. */
  static final int MAX_INIT_RETRANSMITS = 8;

  /**
   * The outcome of {@link #open}.
   *
   * @param status how the attempt ended (TCP's statuses, with the same meanings)
   * @param association the association, when established
   * @param cause why it ended so ({@link Cause#ANSWERED} when established)
   * @param object what decided a failure, if an object did
   * @param reason why, in words
   * @param service the DNAT that carried the INIT to a Service's endpoint, if one did
   */
  public record Attempt(TcpConnection.Status status, SctpAssociation association, Cause cause, Optional<ObjectRef> object,
      String reason, Optional<PacketDecision> service) {
    public boolean established() {
      return status == TcpConnection.Status.CONNECTED;
    }
  }

  private final Network net;
  private final Session session;
  private final Netns client;
  private final int clientPort;
  private final int destination;
  private final int destinationPort;
  private final Netns server;
  private final Packet serverView;

  private SctpAssociation(Network net, Session session, Netns client, int clientPort, int destination, int destinationPort,
      Netns server, Packet serverView) {
    this.net = net;
    this.session = session;
    this.client = client;
    this.clientPort = clientPort;
    this.destination = destination;
    this.destinationPort = destinationPort;
    this.server = server;
    this.serverView = serverView;
  }

  /**
   * Associates a namespace with {@code destination:port}.
   *
   * @param deadline the client's deadline as a virtual instant ({@code Long.MAX_VALUE} for none)
   */
  public static Attempt open(Network net, Session s, Netns from, int destination, int port, long deadline) {
    Objects.requireNonNull(from, "from");
    int sport = net.sourcePort(s);
    Packet init = Packet.sctp(from.address(), sport, destination, port, SctpChunk.INIT, null);
    long rto = RTO_INITIAL;
    // the kernel gives up when the last retransmission's timer runs out
    long giveUp = s.now();
    for (long t = RTO_INITIAL, i = 0; i <= MAX_INIT_RETRANSMITS; i++, t = Math.min(t * 2, RTO_MAX)) {
      giveUp += t;
    }
    Delivery.Lost lastLoss = null;
    Optional<PacketDecision> service = Optional.empty();
    for (int attempt = 0; ; attempt++) {
      Delivery d = net.send(s, from, init, attempt == 0 ? null : "retransmission " + attempt);
      if (service.isEmpty()) {
        service = d.decision().filter(x -> x.verdict() == Verdict.DNAT);
      }
      if (d instanceof Delivery.Arrived a) {
        if (a.packet().protocol() == IpProtocol.ICMP) {
          return refusedByIcmp(a, service);
        }
        if (a.packet().chunk() == SctpChunk.INIT) {
          Attempt done = answerInit(net, s, from, sport, destination, port, a, service);
          if (done != null) {
            return done;
          }
        }
      } else {
        Delivery.Lost lost = (Delivery.Lost) d;
        if (lost.kind() == Delivery.Loss.NO_ROUTE) {
          return new Attempt(TcpConnection.Status.NO_ROUTE, null, lost.cause(), lost.object(), lost.reason(), service);
        }
        lastLoss = lost;
      }
      boolean kernelDone = attempt >= MAX_INIT_RETRANSMITS;
      long wakeUp = kernelDone ? giveUp : s.now() + rto;
      if (deadline <= wakeUp) {
        s.advanceTo(Math.max(s.now(), deadline));
        s.note(from, "socket", Action.TIMEOUT, "no INIT ACK: the client's timeout expired");
        return timedOut(TcpConnection.Status.CLIENT_TIMEOUT, lastLoss, service);
      }
      s.advanceTo(wakeUp);
      if (kernelDone) {
        s.note(from, "socket", Action.TIMEOUT, "no INIT ACK after " + MAX_INIT_RETRANSMITS + " retransmissions: ETIMEDOUT");
        return timedOut(TcpConnection.Status.KERNEL_TIMEOUT, lastLoss, service);
      }
      s.note(from, "socket", Action.TIMEOUT, "no INIT ACK within " + (rto / 1_000_000_000L) + " s: sending the INIT again");
      rto = Math.min(rto * 2, RTO_MAX);
    }
  }

  private static Attempt timedOut(TcpConnection.Status status, Delivery.Lost lost, Optional<PacketDecision> service) {
    return failed(ConnectFailure.timedOut(status, lost), service);
  }

  private static Attempt refusedByIcmp(Delivery.Arrived a, Optional<PacketDecision> service) {
    return failed(ConnectFailure.icmp(a), service);
  }

  private static Attempt failed(ConnectFailure f, Optional<PacketDecision> service) {
    return new Attempt(f.status(), null, f.cause(), f.object(), f.reason(), service);
  }

  /** The INIT reached a namespace: its kernel answers INIT ACK if something listens, ABORT otherwise. */
  private static Attempt answerInit(Network net, Session s, Netns client, int sport, int destination, int port,
      Delivery.Arrived a, Optional<PacketDecision> service) {
    Netns server = a.at();
    Packet got = a.packet();
    if (!server.sockets().listening(IpProtocol.SCTP, got.destinationPort())) {
      String why = "nothing listens on SCTP port " + got.destinationPort() + " in " + server.object();
      net.send(s, server, reply(got, SctpChunk.ABORT, null), why);
      return new Attempt(TcpConnection.Status.REFUSED, null, Cause.NOTHING_LISTENING, Optional.of(server.object()), why,
          service);
    }
    Delivery initAck = net.send(s, server, reply(got, SctpChunk.INIT_ACK, null));
    if (!backToClient(initAck, client, destination, port)) {
      return null; // the INIT ACK did not come back as the client expects it: it waits and retransmits
    }
    Delivery echo = net.send(s, client, Packet.sctp(client.address(), sport, destination, port, SctpChunk.COOKIE_ECHO, null));
    if (!(echo instanceof Delivery.Arrived e) || e.at() != server) {
      return null;
    }
    Delivery cookieAck = net.send(s, server, reply(e.packet(), SctpChunk.COOKIE_ACK, null));
    if (!backToClient(cookieAck, client, destination, port)) {
      return null;
    }
    return new Attempt(TcpConnection.Status.CONNECTED, new SctpAssociation(net, s, client, sport, destination, port, server, got),
        Cause.ANSWERED, Optional.empty(), "", service);
  }

  private static boolean backToClient(Delivery d, Netns client, int destination, int port) {
    return d instanceof Delivery.Arrived b && b.at() == client && b.packet().source() == destination
        && b.packet().sourcePort() == port;
  }

  /** A chunk from the receiver of {@code got} back to its sender. */
  private static Packet reply(Packet got, SctpChunk chunk, Payload payload) {
    return Packet.sctp(got.destination(), got.destinationPort(), got.source(), got.sourcePort(), chunk, payload);
  }

  /** Who listens at the server end, {@code pod/NAMESPACE/NAME}. */
  public ObjectRef serverOwner() {
    return server.sockets().owner(IpProtocol.SCTP, serverView.destinationPort()).orElseGet(server::object);
  }

  /**
   * Sends a DATA chunk and returns what the server's listener wrote back; empty when it wrote
   * nothing or the chunk or its answer was lost.
   */
  public Optional<Payload> send(Payload data) {
    Delivery d = net.send(session, client, Packet.sctp(client.address(), clientPort, destination, destinationPort,
        SctpChunk.DATA, data));
    if (!(d instanceof Delivery.Arrived a) || a.at() != server) {
      return Optional.empty();
    }
    Optional<Payload> answer = net.receive(session, server, a.packet());
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    Delivery back = net.send(session, server, reply(a.packet(), SctpChunk.DATA, answer.get()));
    return backToClient(back, client, destination, destinationPort) ? answer : Optional.empty();
  }

  /** Shuts the association down: SHUTDOWN from the client, SHUTDOWN ACK, SHUTDOWN COMPLETE. */
  public void close() {
    Delivery d = net.send(session, client, Packet.sctp(client.address(), clientPort, destination, destinationPort,
        SctpChunk.SHUTDOWN, null));
    if (d instanceof Delivery.Arrived a && a.at() == server) {
      Delivery back = net.send(session, server, reply(a.packet(), SctpChunk.SHUTDOWN_ACK, null));
      if (backToClient(back, client, destination, destinationPort)) {
        net.send(session, client, Packet.sctp(client.address(), clientPort, destination, destinationPort,
            SctpChunk.SHUTDOWN_COMPLETE, null));
      }
    }
  }
}
