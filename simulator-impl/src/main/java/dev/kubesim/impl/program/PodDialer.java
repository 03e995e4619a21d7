package dev.kubesim.impl.program;

import java.util.Optional;

/**
 * What a server's process can do on its pod's network while it answers: resolve a name as the
 * container's C library does and open a TCP connection, as the PHP frontend of Kubernetes' guestbook
 * does to reach Redis. The connection belongs to the session of the request being answered, so the
 * client's trace shows the server's own hops.
 */
public interface PodDialer {
  /** A dialer with no network: every dial fails as unreachable (a request that did not come over the network). */
  PodDialer NONE = (host, port, timeout) -> Dial.failed(Failure.NO_ROUTE);

  /** Why a connection did not open. */
  enum Failure {
    /** The name did not resolve ({@code getaddrinfo}: {@code Name or service not known}). */
    UNKNOWN_HOST,
    /** No DNS server answered ({@code Temporary failure in name resolution}). */
    TRY_AGAIN,
    /** Nothing listens at the address ({@code Connection refused}). */
    REFUSED,
    /** The address is unreachable ({@code Network is unreachable}). */
    NO_ROUTE,
    /** Nothing answered before the connect timeout ({@code Connection timed out}). */
    TIMED_OUT,
    /** The process's pod has no network namespace (yet, or any more). */
    NO_NETWORK;

    /** Why a name did not resolve: no server answered, or the name does not exist. */
    public static Failure unresolved(dev.kubesim.impl.resolver.Resolution.Outcome outcome) {
      return outcome == dev.kubesim.impl.resolver.Resolution.Outcome.TRY_AGAIN ? TRY_AGAIN : UNKNOWN_HOST;
    }

    /** Why a connect did not complete. */
    public static Failure of(dev.kubesim.impl.net.TcpConnection.Status status) {
      return switch (status) {
        case REFUSED -> REFUSED;
        case NO_ROUTE -> NO_ROUTE;
        default -> TIMED_OUT;
      };
    }
  }

  /** An open connection: send data, read the server's reply; closed by the dialer's owner. */
  interface Connection {
    /** The server's address as dialled, {@code ip}. */
    String address();

    /** Sends {@code data}; what the server wrote back, or empty when it closed the connection. */
    Optional<String> exchange(String data);

    /** Sends an HTTP request; the server's response, or empty when it closed the connection without one. */
    Optional<dev.kubesim.api.program.HttpResponse> http(dev.kubesim.api.program.HttpRequest request);

    /** Closes the connection. */
    void close();
  }

  /** A dial's outcome: the connection, or why there is none. */
  record Dial(Optional<Connection> connection, Optional<Failure> failure) {
    /** A dial that connected. */
    public static Dial connected(Connection c) {
      return new Dial(Optional.of(c), Optional.empty());
    }

    /** A dial that failed. */
    public static Dial failed(Failure f) {
      return new Dial(Optional.empty(), Optional.of(f));
    }
  }

  /**
   * Resolves {@code host} (an address as is) and opens TCP to its first address at {@code port},
   * giving up on the connect after {@code timeout}.
   */
  Dial dial(String host, int port, java.time.Duration timeout);

  /**
   * Sends a UDP datagram from the pod to {@code address:port} (an IPv4 address) and waits up to
   * {@code timeout} for the answer; empty when none comes.
   */
  default Optional<String> datagram(String address, int port, String data, java.time.Duration timeout) {
    return Optional.empty();
  }
}
