package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import java.util.Optional;

/**
 * The sockets of a network namespace: what listens, and what answers data arriving on a
 * connection or in a datagram. The kernel's own answers (SYN-ACK, RST, ICMP) are the network's;
 * this is the processes' side.
 */
public interface Sockets {
  /** Nothing listens. */
  Sockets NONE = new Sockets() {
    @Override
    public boolean listening(IpProtocol protocol, int port) {
      return false;
    }

    @Override
    public Optional<Payload> receive(Session session, Netns at, Packet packet) {
      return Optional.empty();
    }

    @Override
    public Optional<ObjectRef> owner(IpProtocol protocol, int port) {
      return Optional.empty();
    }
  };

  /** Whether a process listens on this TCP or UDP port, on every address of the namespace. */
  boolean listening(IpProtocol protocol, int port);

  /**
   * Data on an established TCP connection, or a UDP datagram, reached the listener: its answer.
   * Empty means no answer (for TCP the server then closes the connection).
   *
   * @param session the sender's session: a server that opens a connection of its own to answer (a
   *     proxy to its upstream) runs it {@linkplain Session#nested() nested} in it, so the sender's
   *     trace and clock include it
   */
  Optional<Payload> receive(Session session, Netns at, Packet packet);

  /** Who listens on the port, {@code pod/NAMESPACE/NAME} (for traces and results); empty when nobody does. */
  Optional<ObjectRef> owner(IpProtocol protocol, int port);

  /** Whether the process listening on this TCP port terminates TLS there (an HTTPS server); plain by default. */
  default boolean terminatesTls(int port) {
    return false;
  }
}
