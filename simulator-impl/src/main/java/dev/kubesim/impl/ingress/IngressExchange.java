package dev.kubesim.impl.ingress;

import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.http.NginxPages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the ingress controller does with one request that reached it: the L7 decision, and either
 * the response it writes itself (the default backend's 404, the redirect to HTTPS, 503 without
 * endpoints) or the upstream request to one of the backend's endpoints — the second TCP connection,
 * which the transport carries to the endpoint before handing the answer to {@link #respond}.
 *
 * @param decision where the Ingress rules sent the request
 * @param response the controller's own answer, when it does not proxy
 * @param upstream the proxied request and its endpoint, when it does
 * @param at the virtual instant of the exchange, for the pages' {@code Date}
 */
public record IngressExchange(IngressDecision decision, Optional<HttpResponse> response, Optional<Upstream> upstream, Instant at) {
  public IngressExchange {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(at, "at");
    if (response.isPresent() == upstream.isPresent()) {
      throw new IllegalArgumentException("an exchange has either a response or an upstream");
    }
  }

  /**
   * The proxied request.
   *
   * @param endpoint the chosen endpoint, {@code ip:port}
   * @param pod the endpoint's pod, {@code NS/NAME}, when its EndpointSlice names it
   * @param node the endpoint's node, when its EndpointSlice names it
   * @param request the request as nginx sends it upstream (with the {@code X-Forwarded-*} headers),
   *     from the controller pod's address to the endpoint
   * @param candidates how many ready endpoints the endpoint was chosen among
   * @param affinity how the sticky balancer chose it, for an upstream with cookie affinity
   * @param setCookie the affinity cookie the answer sets ({@code Set-Cookie}), if it sets one
   */
  public record Upstream(String endpoint, Optional<String> pod, Optional<String> node,
      dev.kubesim.api.program.HttpRequest request, int candidates, Optional<String> affinity, Optional<String> setCookie) {}

  /**
   * What the client gets back: the upstream's response without its {@code Server} header (cleared
   * as ingress-nginx clears its own), or nginx's {@code 502 Bad Gateway} when the endpoint did not
   * answer (connection refused or reset).
   */
  public HttpResponse respond(Optional<HttpResponse> fromUpstream) {
    if (response.isPresent()) {
      return response.get();
    }
    if (fromUpstream.isEmpty()) {
      return NginxPages.error(502, at);
    }
    HttpResponse r = fromUpstream.get();
    List<HttpHeader> headers = new ArrayList<>(r.headers().stream().filter(h -> !h.name().equalsIgnoreCase("Server")).toList());
    upstream.flatMap(Upstream::setCookie).ifPresent(c -> headers.add(afterGeneralHeaders(headers), HttpHeader.of("Set-Cookie", c)));
    return r.withHeaders(headers);
  }

  /** nginx writes the headers it makes itself (Date, Content-Type, ...) first, then the list of others: the cookie leads that list. */
  private static int afterGeneralHeaders(List<HttpHeader> headers) {
    int i = 0;
    while (i < headers.size() && GENERAL.contains(headers.get(i).name().toLowerCase(Locale.ROOT))) {
      i++;
    }
    return i;
  }

  private static final Set<String> GENERAL =
      Set.of("date", "content-type", "content-length", "connection", "transfer-encoding", "keep-alive");

  /**
   * The decision and what follows from it, one line for the trace's L7 hop, e.g. {@code http host
   * shop.example.com path /x -> server shop.example.com, location / (Prefix) of ingress default/site
   * rule 0 -> service default/web:80 -> endpoint default/web-1 10.244.1.4:8080 (1 of 2 ready),
   * adding X-Forwarded-For and X-Real-IP 10.244.2.3}; or the controller's own answer.
   */
  public String describe() {
    StringBuilder b = new StringBuilder(256).append(decision.describe());
    if (upstream.isPresent()) {
      Upstream u = upstream.get();
      b.append(" -> endpoint ");
      u.pod().ifPresent(p -> b.append(p).append(' '));
      b.append(u.endpoint()).append(" (");
      if (u.candidates() == 1) {
        b.append("the only ready one");
      } else {
        b.append("1 of ").append(u.candidates()).append(" ready");
      }
      b.append(')');
      u.affinity().ifPresent(a -> b.append(", ").append(a));
      b.append(", adding X-Forwarded-For and X-Real-IP ").append(u.request().header("X-Real-IP").orElse("-"));
    } else if (decision.outcome() == IngressDecision.Outcome.PROXY) {
      b.append(" has no ready endpoint -> ").append(response.map(HttpResponse::statusLine).orElse(""));
    }
    return b.toString();
  }

  /** nginx's {@code 504 Gateway Time-out}: the endpoint did not answer within the proxy timeouts. */
  public HttpResponse gatewayTimeout() {
    return response.orElseGet(() -> NginxPages.error(504, at));
  }
}
