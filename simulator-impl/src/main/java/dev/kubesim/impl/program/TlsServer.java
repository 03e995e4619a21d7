package dev.kubesim.impl.program;

import dev.kubesim.api.program.Launch;

/**
 * A program that terminates TLS on some of its ports (an HTTPS server): a TLS client's handshake
 * succeeds there and its requests reach the program's HTTP side; on every other port a TLS client
 * meets a plain server and its handshake fails. Certificates are not modelled beyond that: no
 * simulated server's issuer is in any client's trust store.
 */
public interface TlsServer {
  /** Whether the program terminates TLS on this TCP port. */
  boolean terminatesTlsOn(Launch launch, int port);
}
