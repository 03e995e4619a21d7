package dev.kubesim.impl.program;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ServerContext;

/**
 * A {@link dev.kubesim.api.program.Program} whose HTTP handler opens connections of its own from its
 * pod while it answers (the guestbook's PHP frontend calling Redis). A request that reached it over
 * the network comes with a {@link PodDialer} on the request's session; other requests (an exec
 * probe's, a port-forward's) get a dialer of their own.
 */
public interface DialingServer {
  /** Whether HTTP requests to this port are answered by {@link #serve}. */
  boolean dialsOn(Launch launch, int port);

  /** Answers {@code request}, dialling what it needs through {@code dialer}. */
  HttpResponse serve(Launch launch, HttpRequest request, ServerContext context, PodDialer dialer);
}
