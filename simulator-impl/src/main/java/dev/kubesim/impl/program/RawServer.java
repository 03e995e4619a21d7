package dev.kubesim.impl.program;

import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.ServerContext;
import java.util.Optional;

/**
 * A {@link Program} whose process also serves plain TCP, UDP or SCTP (no HTTP) on some of its {@link
 * Program#listenPorts listened ports}, as agnhost's {@code serve-hostname --tcp} and {@code --udp}
 * do. The runtime asks it only for ports the process listens on with that protocol and where it
 * serves no HTTP.
 *
 * <p>The simulated TCP carries a server's data only as the answer to a client's segment, so what
 * the process writes on a connection it accepts reaches a client that sends something first; a
 * client that only connects and closes (agnhost connect) never reads it.
 */
public interface RawServer {
  /**
   * A connection was accepted on this TCP port: what the process writes on it before closing it,
   * or empty when it writes nothing.
   *
   * @param client the client's address as the server sees it, {@code ip:port}
   */
  Optional<String> acceptTcp(Launch launch, int port, String client, ServerContext context);

  /**
   * A client sent this data on a connection accepted on this TCP port: what the process writes back
   * before the client reads, or empty when it closes the connection without writing (the client
   * sees an empty reply). A server that speaks a protocol of its own (RESP, memcached's text
   * protocol) reads the data; by default the data is ignored and {@link #acceptTcp} answers.
   *
   * @param data what the client wrote, as text (an HTTP client's request as sent on the wire)
   */
  default Optional<String> receiveTcp(Launch launch, int port, String data, String client, ServerContext context) {
    return acceptTcp(launch, port, client, context);
  }

  /**
   * {@link #receiveTcp(Launch, int, String, String, ServerContext)} for a process that may open
   * connections of its own while it answers (a Redis replica syncing from its master): {@code
   * dialer} gives a dialer on a session of the process's own, not the client's. By default the
   * dialer is not used.
   */
  default Optional<String> receiveTcp(Launch launch, int port, String data, String client, ServerContext context,
      java.util.function.Supplier<PodDialer> dialer) {
    return receiveTcp(launch, port, data, client, context);
  }

  /**
   * Whether the program's HTTP handler answers on this listened TCP port; a server with HTTP on
   * one port and a protocol of its own on another (RabbitMQ's management and AMQP ports) says no
   * for the latter. Yes by default.
   */
  default boolean speaksHttpOn(Launch launch, int port) {
    return true;
  }

  /**
   * A datagram reached this UDP port: the process's answer, or empty when it does not answer.
   *
   * @param data the datagram's data
   * @param client the sender's address as the server sees it, {@code ip:port}
   */
  Optional<String> answerDatagram(Launch launch, int port, String data, String client, ServerContext context);

  /**
   * A client sent this data on an SCTP association accepted on this port: what the process writes
   * back, or empty when it writes nothing. By default nothing.
   *
   * @param data the DATA chunk's data
   * @param client the client's address as the server sees it, {@code ip:port}
   */
  default Optional<String> receiveSctp(Launch launch, int port, String data, String client, ServerContext context) {
    return Optional.empty();
  }
}
