package dev.kubesim.impl.program;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.Launch;
import dev.kubesim.impl.net.ProxyAnswer;
import dev.kubesim.impl.net.Session;
import java.util.Optional;

/**
 * A {@link dev.kubesim.api.program.Program} whose server opens connections of its own while it
 * answers (an L7 proxy: ingress-nginx's nginx). A request that reached it over the network comes
 * with the client's session, so that the proxy's own connection continues the client's trace and
 * clock, and the answer says what the proxy did, for the client's result.
 */
public interface ProxyingServer {
  /** A proxy's answer: the response, and what it did with the request when it routed it. */
  record Proxied(HttpResponse response, Optional<ProxyAnswer> answer) {}

  /** Whether requests to this port are the proxy's (others go to the program's HTTP handler). */
  boolean proxiesOn(Launch launch, int port);

  /**
   * Answers a request that arrived over the network on a port the proxy serves.
   *
   * @param client the session of the client whose request this is
   */
  Proxied proxy(Launch launch, HttpRequest request, Session client);
}
