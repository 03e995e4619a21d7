package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.TraceHop.Action;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's TCP connection through the network: the three-way handshake (SYN, SYN-ACK, ACK), data
 * segments each answered by the server's listener, and the close (FIN, FIN-ACK, ACK) — every
 * segment a packet walked through the network.
 *
 * <p>An unanswered SYN is sent again after 1, 2, 4 ... seconds, as Linux does; the kernel gives up
 * after six retransmissions (127 s, {@code net.ipv4.tcp_syn_retries} 6) unless the client's own
 * deadline comes first. A RST or an ICMP port-unreachable refuses the connection at once.
 */
public final class TcpConnection {
  /** Linux's initial retransmission timeout. */
  static final long INITIAL_RTO = 1_000_000_000L;
  /** {@code net.ipv4.tcp_syn_retries}. */
  static final int SYN_RETRIES = 6;

  /** How a connection attempt ended. */
  public enum Status {
    CONNECTED,
    /** A RST, or an ICMP port-unreachable (a REJECT rule): {@code ECONNREFUSED}. */
    REFUSED,
    /** No answer before the kernel gave up: {@code ETIMEDOUT}. */
    KERNEL_TIMEOUT,
    /** No answer before the client's own deadline. */
    CLIENT_TIMEOUT,
    /** No route: {@code ENETUNREACH}. */
    NO_ROUTE
  }

  /**
   * The outcome of {@link #open}.
   *
   * @param connection the connection, when connected
   * @param cause why it ended so ({@link Cause#ANSWERED} when connected)
   * @param object what decided a failure ({@code service/default/kubia}, {@code pod/default/x}), if an object did
   * @param reason why, in words
   * @param service the DNAT that carried the SYN to a Service's endpoint, if one did
   */
  public record Attempt(Status status, TcpConnection connection, Cause cause, Optional<ObjectRef> object, String reason,
      Optional<PacketDecision> service) {
    public boolean connected() {
      return status == Status.CONNECTED;
    }
  }

  /**
   * What came back for a data segment.
   *
   * @param answer the server's answer, empty when it closed without one
   * @param lost why nothing came back at all, when the segment or its answer was lost
   */
  public record Reply(Optional<Payload> answer, Optional<Delivery.Lost> lost) {}

  private final Network net;
  private final Session session;
  private final Netns client;
  private final int clientPort;
  private final int destination;
  private final int destinationPort;
  private final Netns server;
  private final Packet serverView;
  /** The connection's local address: the loopback's for a destination on it, as the kernel picks it, else the namespace's. */
  private final int source;

  private TcpConnection(Network net, Session session, Netns client, int clientPort, int destination, int destinationPort,
      Netns server, Packet serverView) {
    this.net = net;
    this.session = session;
    this.client = client;
    this.clientPort = clientPort;
    this.destination = destination;
    this.destinationPort = destinationPort;
    this.server = server;
    this.serverView = serverView;
    this.source = sourceFor(client, destination);
  }

  /** The source address the kernel gives a connection to {@code destination}: 127.0.0.1 on the loopback. */
  private static int sourceFor(Netns from, int destination) {
    return Ip4.isLoopback(destination) ? LOOPBACK : from.address();
  }

  private static final int LOOPBACK = Ip4.parse("127.0.0.1");

  /**
   * Connects from a namespace to {@code destination:port}.
   *
   * @param deadline the client's connect deadline as a virtual instant ({@code Long.MAX_VALUE} for none)
   */
  public static Attempt open(Network net, Session s, Netns from, int destination, int port, long deadline) {
    Objects.requireNonNull(from, "from");
    int sport = net.sourcePort(s);
    Packet syn = Packet.tcp(sourceFor(from, destination), sport, destination, port, TcpFlags.SYN, null);
    long first = s.now();
    long giveUp = first + INITIAL_RTO * ((1L << (SYN_RETRIES + 1)) - 1);
    long rto = INITIAL_RTO;
    long sentAt = first;
    Delivery.Lost lastLoss = null;
    Optional<PacketDecision> service = Optional.empty();
    for (int attempt = 0; ; attempt++) {
      Delivery d = net.send(s, from, syn, attempt == 0 ? null : "retransmission " + attempt);
      if (service.isEmpty()) {
        service = d.decision().filter(x -> x.verdict() == Verdict.DNAT);
      }
      if (d instanceof Delivery.Arrived a) {
        if (a.packet().protocol() == IpProtocol.ICMP) {
          return refusedByIcmp(a, service);
        }
        if (a.packet().protocol() == IpProtocol.TCP && a.packet().hasFlag(TcpFlags.SYN)) {
          Attempt done = answerSyn(net, s, from, sport, destination, port, a, service);
          if (done != null) {
            return done;
          }
        }
      } else {
        Delivery.Lost lost = (Delivery.Lost) d;
        if (lost.kind() == Delivery.Loss.NO_ROUTE) {
          return new Attempt(Status.NO_ROUTE, null, lost.cause(), lost.object(), lost.reason(), service);
        }
        lastLoss = lost;
      }
      long next = sentAt + rto;
      boolean kernelDone = attempt >= SYN_RETRIES;
      long wakeUp = kernelDone ? giveUp : next;
      if (deadline <= wakeUp) {
        s.advanceTo(deadline);
        s.note(from, "socket", Action.TIMEOUT, "no SYN-ACK: the client's timeout expired");
        return timedOut(Status.CLIENT_TIMEOUT, lastLoss, service);
      }
      s.advanceTo(wakeUp);
      if (kernelDone) {
        s.note(from, "socket", Action.TIMEOUT, "no SYN-ACK after " + SYN_RETRIES + " retransmissions: ETIMEDOUT");
        return timedOut(Status.KERNEL_TIMEOUT, lastLoss, service);
      }
      s.note(from, "socket", Action.TIMEOUT, "no SYN-ACK within " + (rto / 1_000_000_000L) + " s: sending the SYN again");
      sentAt = wakeUp;
      rto *= 2;
    }
  }

  private static Attempt timedOut(Status status, Delivery.Lost lost, Optional<PacketDecision> service) {
    return failed(ConnectFailure.timedOut(status, lost), service);
  }

  private static Attempt refusedByIcmp(Delivery.Arrived a, Optional<PacketDecision> service) {
    return failed(ConnectFailure.icmp(a), service);
  }

  private static Attempt failed(ConnectFailure f, Optional<PacketDecision> service) {
    return new Attempt(f.status(), null, f.cause(), f.object(), f.reason(), service);
  }

  /** The SYN reached a namespace: its kernel answers SYN-ACK if something listens, RST otherwise. */
  private static Attempt answerSyn(Network net, Session s, Netns client, int sport, int destination, int port,
      Delivery.Arrived a, Optional<PacketDecision> service) {
    Netns server = a.at();
    Packet got = a.packet();
    boolean listening = server.sockets().listening(IpProtocol.TCP, got.destinationPort());
    if (!listening) {
      Packet rst = Packet.tcp(got.destination(), got.destinationPort(), got.source(), got.sourcePort(),
          TcpFlags.RST | TcpFlags.ACK, null);
      String why = "nothing listens on TCP port " + got.destinationPort() + " in " + server.object();
      net.send(s, server, rst, why);
      return new Attempt(Status.REFUSED, null, Cause.NOTHING_LISTENING, Optional.of(server.object()), why, service);
    }
    Packet synAck = Packet.tcp(got.destination(), got.destinationPort(), got.source(), got.sourcePort(),
        TcpFlags.SYN | TcpFlags.ACK, null);
    Delivery back = net.send(s, server, synAck);
    if (!(back instanceof Delivery.Arrived b) || b.at() != client || b.packet().source() != destination
        || b.packet().sourcePort() != port) {
      return null; // the SYN-ACK did not come back as the client expects it: it waits and retransmits
    }
    net.send(s, client, Packet.tcp(sourceFor(client, destination), sport, destination, port, TcpFlags.ACK, null));
    return new Attempt(Status.CONNECTED, new TcpConnection(net, s, client, sport, destination, port, server, got),
        Cause.ANSWERED, Optional.empty(), "", service);
  }

  /** The namespace that accepted the connection. */
  public Netns server() {
    return server;
  }

  /** Who listens at the server end, {@code pod/NAMESPACE/NAME} (the namespace's owner for the kernel's own). */
  public ObjectRef serverOwner() {
    return server.sockets().owner(IpProtocol.TCP, serverView.destinationPort()).orElseGet(server::object);
  }

  /** The port the connection arrived at on the server (after any DNAT). */
  public int serverPort() {
    return serverView.destinationPort();
  }

  /** Whether the listener at the server end terminates TLS on the port (an HTTPS server). */
  public boolean serverTerminatesTls() {
    return server.sockets().terminatesTls(serverView.destinationPort());
  }

  /** The client's address as the server sees it ({@code ip:port}, after any SNAT). */
  public String peerAddress() {
    return Ip4.format(serverView.source()) + ":" + serverView.sourcePort();
  }

  /** The address the connection arrived at on the server ({@code ip:port}, after any DNAT). */
  public String localAddress() {
    return Ip4.format(serverView.destination()) + ":" + serverView.destinationPort();
  }

  public int clientPort() {
    return clientPort;
  }

  /**
   * Sends a data segment and returns the server's answer: the listener reads it and writes its
   * answer back on the connection.
   */
  public Reply send(Payload data) {
    Packet seg = Packet.tcp(source, clientPort, destination, destinationPort, TcpFlags.PSH | TcpFlags.ACK, data);
    Delivery d = net.send(session, client, seg);
    if (!(d instanceof Delivery.Arrived a) || a.at() != server) {
      return new Reply(Optional.empty(), Optional.of(lost(d)));
    }
    Packet got = a.packet();
    Optional<Payload> answer = net.receive(session, server, got);
    Packet out = answer.isPresent()
        ? Packet.tcp(got.destination(), got.destinationPort(), got.source(), got.sourcePort(), TcpFlags.PSH | TcpFlags.ACK,
            answer.get())
        : Packet.tcp(got.destination(), got.destinationPort(), got.source(), got.sourcePort(), TcpFlags.FIN | TcpFlags.ACK,
            null);
    Delivery back = net.send(session, server, out, answer.isPresent() ? null : "the server closes without an answer");
    if (!(back instanceof Delivery.Arrived b) || b.at() != client) {
      return new Reply(Optional.empty(), Optional.of(lost(back)));
    }
    return new Reply(answer, Optional.empty());
  }

  private static Delivery.Lost lost(Delivery d) {
    return d instanceof Delivery.Lost l
        ? l
        : new Delivery.Lost(Delivery.Loss.NO_HOST, Optional.empty(), "the segment reached " + ((Delivery.Arrived) d).at().name());
  }

  /** Closes the connection: FIN from the client, FIN-ACK from the server, the client's last ACK. */
  public void close() {
    Packet fin = Packet.tcp(source, clientPort, destination, destinationPort, TcpFlags.FIN | TcpFlags.ACK, null);
    Delivery d = net.send(session, client, fin);
    if (d instanceof Delivery.Arrived a && a.at() == server) {
      Packet got = a.packet();
      Delivery back = net.send(session, server,
          Packet.tcp(got.destination(), got.destinationPort(), got.source(), got.sourcePort(), TcpFlags.FIN | TcpFlags.ACK,
              null));
      if (back instanceof Delivery.Arrived b && b.at() == client) {
        net.send(session, client, Packet.tcp(source, clientPort, destination, destinationPort, TcpFlags.ACK, null));
      }
    }
  }
}
