package dev.kubesim.api.program;

/**
 * A container's HTTP server: answers one request. Handlers run on the simulation's thread, take
 * time only from {@link ServerContext#now()} and keep state only in {@link ServerContext#state()}, so
 * that the same calls give the same answers.
 */
@FunctionalInterface
public interface HttpHandler {
  /**
   * Answers one request.
   *
   * @param request the request as the container received it, after any NAT on the way
   * @param context the container's view: pod, clock, files, state
   * @return the response to send back
   */
  HttpResponse handle(HttpRequest request, ServerContext context);
}
