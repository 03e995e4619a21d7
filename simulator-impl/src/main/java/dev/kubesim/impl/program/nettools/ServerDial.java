package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.impl.net.DataPayload;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.TcpConnection;
import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.PodDialer.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A database client's connection: resolve the host as the C library does, open TCP, send what the
 * client writes and read what the server writes back, and end the command with its trace. Shared by
 * {@code psql} and {@code mysql}, which word its failures each in their own way.
 */
final class ServerDial {
  private final PodNetwork pn;
  private final String address;
  private final TcpConnection connection;
  private final Failure failure;
  private final Disposition disposition;

  private ServerDial(PodNetwork pn, String address, TcpConnection connection, Failure failure, Disposition disposition) {
    this.pn = pn;
    this.address = address;
    this.connection = connection;
    this.failure = failure;
    this.disposition = disposition;
  }

  /** Dials {@code host:port} from the command's pod. */
  static ServerDial open(Network network, ExecContext ctx, List<String> args, String host, int port) {
    Optional<PodNetwork> opened = PodNetwork.of(network, ctx, args);
    if (opened.isEmpty()) {
      return new ServerDial(null, "", null, Failure.NO_NETWORK, null);
    }
    PodNetwork pn = opened.get();
    PodNetwork.Lookup found = pn.lookup(host);
    if (!found.found()) {
      Failure f = Failure.unresolved(found.outcome());
      return new ServerDial(pn, "", null, f, found.unresolved(host));
    }
    String ip = found.addresses().get(0);
    TcpConnection.Attempt attempt = TcpConnection.open(network, pn.session(), pn.netns(), Ip4.parse(ip), port, Long.MAX_VALUE);
    if (attempt.connected()) {
      return new ServerDial(pn, ip, attempt.connection(), null, null);
    }
    Failure f = Failure.of(attempt.status());
    Disposition.Kind kind = switch (f) {
      case REFUSED -> Disposition.Kind.REFUSED;
      case NO_ROUTE -> Disposition.Kind.NO_ROUTE;
      default -> Disposition.Kind.TIMED_OUT;
    };
    return new ServerDial(pn, ip, null, f, new Disposition(kind, attempt.cause(), attempt.object(), attempt.reason()));
  }

  /** Why the connection failed, or empty when it is open. */
  Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /** The address the host resolved to (empty when it did not). */
  String address() {
    return address;
  }

  /** Sends the client's data; the server's answer, or empty when it closed the connection without one. */
  Optional<String> exchange(String data) {
    TcpConnection.Reply reply = connection.send(new DataPayload(data));
    connection.close();
    return reply.answer().filter(DataPayload.class::isInstance).map(p -> ((DataPayload) p).text());
  }

  /** Ends the command: a failed dial with its disposition; otherwise answered, or closed when {@code answered} is false. */
  ExecResult finish(String stdout, String stderr, int exit, boolean answered) {
    if (pn == null) {
      return new ExecResult(stdout, stderr, exit, Duration.ZERO);
    }
    Disposition d = disposition != null ? disposition
        : answered ? new Disposition(Disposition.Kind.DELIVERED, Cause.ANSWERED, Optional.of(connection.serverOwner()), "answered")
        : new Disposition(Disposition.Kind.EMPTY_REPLY, Cause.CONNECTION_CLOSED, Optional.of(connection.serverOwner()),
            "the server closed the connection without a reply");
    pn.publish(d);
    return new ExecResult(stdout, stderr, exit, Duration.ofNanos(pn.session().elapsed()));
  }
}
