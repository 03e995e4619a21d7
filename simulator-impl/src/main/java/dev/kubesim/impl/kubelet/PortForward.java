package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Payload;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.net.TcpConnection;
import dev.kubesim.impl.program.nettools.NetcatData;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The container runtime's side of {@code kubectl port-forward}: one connection dialled to {@code
 * localhost:PORT} inside the pod's network namespace, as containerd dials it, carrying what the
 * client sends and bringing back what the pod's server answers. An HTTP/1.x request travels as that
 * request (the pod's server answers it as it answers any), other bytes as plain data.
 */
public final class PortForward {
  /** How long the dial waits for the pod's answer to its SYN: loopback answers at once or never. */
  private static final long DIAL_NANOS = 1_000_000_000L;

  private final TcpConnection connection;
  private boolean closed;

  private PortForward(TcpConnection connection) {
    this.connection = connection;
  }

  /** Why a forward could not be opened, in the runtime's words, as the error stream carries them. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Dials {@code localhost:port} in the pod's network namespace.
   *
   * @throws Refused when nothing listens there, or the pod has no network yet
   */
  public static PortForward dial(Network network, Pod pod, int port) throws Refused {
    String name = pod.metadata().nameOrEmpty();
    String uid = pod.metadata().uid().orElse("");
    Optional<Netns> netns = pod.status().flatMap(s -> s.podIP()).flatMap(network::at);
    if (netns.isEmpty()) {
      throw new Refused("error forwarding port " + port + " to pod " + name + ", uid " + uid
          + ": the pod's network namespace is not there");
    }
    Session session = network.untracedSession();
    TcpConnection.Attempt attempt = TcpConnection.open(network, session, netns.get(), Ip4.parse("127.0.0.1"), port,
        session.now() + DIAL_NANOS);
    if (!attempt.connected()) {
      throw new Refused("error forwarding port " + port + " to pod " + name + ", uid " + uid
          + ": failed to connect to localhost:" + port + " inside namespace of pod " + name
          + ", IPv4: dial tcp4 127.0.0.1:" + port + ": connect: connection refused");
    }
    return new PortForward(attempt.connection());
  }

  /** Sends the client's bytes; the server's answer to them, empty when it sends none. */
  public byte[] send(byte[] data) {
    if (closed) {
      return new byte[0];
    }
    Payload request = NetcatData.request(new String(data, StandardCharsets.UTF_8));
    TcpConnection.Reply reply = connection.send(request);
    return reply.answer().map(NetcatData::text).orElse("").getBytes(StandardCharsets.UTF_8);
  }

  /** Sends what a client on the simulated network wrote as it is; the pod's server's answer, if any. */
  public Optional<Payload> exchange(Payload data) {
    return closed ? Optional.empty() : connection.send(data).answer();
  }

  /** Closes the connection to the pod (the client has closed its own). */
  public void close() {
    if (!closed) {
      closed = true;
      connection.close();
    }
  }
}
