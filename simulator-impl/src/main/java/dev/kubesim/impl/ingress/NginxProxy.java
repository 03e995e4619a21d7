package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Service;
import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.http.NginxPages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The data plane of ingress-nginx: nginx in the controller pods serving a request by the
 * configuration in force, as its generated {@code nginx.conf} and Lua balancer do — the L7
 * decision ({@link RoutingTable#route}), the controller's own answers (redirects, 404 from the
 * default backend, 503 with no endpoint), the upstream endpoint drawn among the ready ones, and the
 * upstream request with the headers nginx sets. It opens no connection: {@link NetworkProxy}
 * carries the upstream request over the packet network. The {@link IngressController} (the control
 * plane) builds the configuration and keeps the endpoints it reads.
 */
public final class NginxProxy {
  /** Headers nginx sets itself on the upstream request (proxy_set_header), replacing the client's. */
  private static final Set<String> SET_BY_NGINX = Set.of("host", "connection", "upgrade", "x-request-id", "x-real-ip",
      "x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto", "x-forwarded-scheme", "x-scheme",
      "x-original-forwarded-for", "proxy", "keep-alive", "te", "trailer", "transfer-encoding");

  private final ApiServer api;
  private final Supplier<RoutingTable> table;
  private final ServiceEndpointIndex endpoints;
  private final SplittableRandom upstreamChoice;
  private final SplittableRandom requestIds;
  private final StickyBalancer sticky;
  private int nextSourcePort;

  NginxProxy(ApiServer api, Supplier<RoutingTable> table, ServiceEndpointIndex endpoints) {
    this.api = api;
    this.table = table;
    this.endpoints = endpoints;
    this.upstreamChoice = api.loop().random().stream("ingress/upstream");
    this.requestIds = api.loop().random().stream("ingress/request-id");
    this.sticky = new StickyBalancer(api.loop().random().stream("ingress/sticky"));
  }

  /** The L7 decision for a request to the controller: a pure function of the configuration in force. */
  public IngressDecision route(String host, String target, boolean tls) {
    return table.get().route(host, target, tls);
  }

  /**
   * Handles a request that reached a controller pod on its HTTP (80) or HTTPS (443) port: the
   * decision (the client address it sees is the request's, {@code $remote_addr}), and the
   * controller's own answer or the upstream request to one ready endpoint of the backend (drawn from
   * the stream {@code ingress/upstream}, or by the sticky balancer of an upstream with cookie
   * affinity), with the headers ingress-nginx adds.
   *
   * @param request the request as the pod received it (client and server addresses as seen there)
   * @param tls whether it arrived over TLS (port 443)
   */
  public IngressExchange proxy(HttpRequest request, boolean tls) {
    Instant now = api.loop().clock().instant();
    String hostHeader = request.header("Host").orElse(hostOf(request.serverAddress()));
    RoutingTable config = table.get();
    IngressDecision decision = config.route(hostHeader, request.target(), tls, Optional.of(request.clientIp()));
    switch (decision.outcome()) {
      case REDIRECT, APP_ROOT -> {
        return own(decision, NginxPages.redirect(decision.status(), decision.redirectTo().orElseThrow(), now), now);
      }
      case RETURN -> {
        // "return CODE URL": a redirect for 301/302/303/307/308, else the URL is the body
        String url = decision.redirectTo().orElseThrow();
        HttpResponse r = ReturnRedirect.isRedirectCode(decision.status())
            ? NginxPages.redirect(decision.status(), url, now)
            : NginxPages.text(decision.status(), url, now);
        return own(decision, r, now);
      }
      case DENIED, FORBIDDEN -> {
        return own(decision, NginxPages.error(decision.status(), now), now);
      }
      case DEFAULT_BACKEND -> {
        return own(decision, NginxPages.notFound(now), now);
      }
      default -> {
        IngressBackendRef ref = decision.backend().orElseThrow();
        List<ServiceEndpointIndex.Endpoint> ready = api.get(Service.KIND, ref.namespace(), ref.service())
            .map(s -> endpoints.endpoints((Service) s, ref.port()))
            .orElse(List.of());
        if (ready.isEmpty()) {
          return own(decision, NginxPages.error(503, now), now);
        }
        Optional<UpstreamAffinity> affinity = config.affinity(ref);
        ServiceEndpointIndex.Endpoint ep;
        Optional<StickyBalancer.Pick> pick = Optional.empty();
        if (affinity.isPresent()) {
          pick = Optional.of(sticky.pick(ref, affinity.get(), ready, new StickyBalancer.Request(cookieHeader(request),
              decision.host(), decision.server(), decision.matchedPath(), tls, now)));
          ep = pick.get().endpoint();
        } else {
          ep = ready.size() == 1 ? ready.get(0) : ready.get(upstreamChoice.nextInt(ready.size()));
        }
        HttpRequest upstream = upstreamRequest(request, hostHeader, tls, ep, decision.rewrittenPath());
        return new IngressExchange(decision, Optional.empty(),
            Optional.of(new IngressExchange.Upstream(ep.hostPort(), ep.pod(), ep.node(), upstream, ready.size(),
                pick.map(StickyBalancer.Pick::why), pick.flatMap(StickyBalancer.Pick::setCookie))), now);
      }
    }
  }

  /** {@code $http_cookie}: the request's Cookie headers, joined as nginx joins them. */
  private static Optional<String> cookieHeader(HttpRequest request) {
    List<String> values = new ArrayList<>();
    for (HttpHeader h : request.headers()) {
      if (h.is("Cookie")) {
        values.add(h.value());
      }
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", values));
  }

  private static IngressExchange own(IngressDecision decision, HttpResponse response, Instant now) {
    return new IngressExchange(decision, Optional.of(response), Optional.empty(), now);
  }

  /** The request as nginx sends it upstream: its proxy_set_header lines first, then the client's other headers. */
  private HttpRequest upstreamRequest(HttpRequest in, String hostHeader, boolean tls, ServiceEndpointIndex.Endpoint ep,
      Optional<String> rewrittenPath) {
    String remote = in.clientIp();
    String scheme = tls ? "https" : "http";
    List<HttpHeader> headers = new ArrayList<>();
    headers.add(HttpHeader.of("Host", hostHeader));
    headers.add(HttpHeader.of("X-Request-ID", in.header("X-Request-ID").orElseGet(this::requestId)));
    headers.add(HttpHeader.of("X-Real-IP", remote));
    headers.add(HttpHeader.of("X-Forwarded-For", remote));
    headers.add(HttpHeader.of("X-Forwarded-Host", hostHeader));
    headers.add(HttpHeader.of("X-Forwarded-Port", String.valueOf(in.serverPort())));
    headers.add(HttpHeader.of("X-Forwarded-Proto", scheme));
    headers.add(HttpHeader.of("X-Forwarded-Scheme", scheme));
    headers.add(HttpHeader.of("X-Scheme", scheme));
    in.header("X-Forwarded-For").ifPresent(v -> headers.add(HttpHeader.of("X-Original-Forwarded-For", v)));
    for (HttpHeader h : in.headers()) {
      if (!SET_BY_NGINX.contains(h.name().toLowerCase(Locale.ROOT))) {
        headers.add(h);
      }
    }
    String controllerIp = hostOf(in.serverAddress());
    String client = (controllerIp.contains(":") ? "[" + controllerIp + "]" : controllerIp) + ":" + sourcePort();
    // rewrite ... break replaces the URI; nginx passes the query string on after it
    String target = rewrittenPath.map(p -> {
      int q = in.target().indexOf('?');
      return q < 0 ? p : p + in.target().substring(q);
    }).orElse(in.target());
    return new HttpRequest(in.method(), target, headers, in.body(), client, ep.hostPort());
  }

  /** nginx's {@code $request_id}: 16 random bytes in hex. */
  private String requestId() {
    return String.format("%016x%016x", requestIds.nextLong(), requestIds.nextLong());
  }

  /** Ephemeral ports of the controller's upstream connections, in turn through Linux's default range. */
  private int sourcePort() {
    int port = 32768 + nextSourcePort;
    nextSourcePort = (nextSourcePort + 1) % (60999 - 32768 + 1);
    return port;
  }

  private static String hostOf(String address) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 || colon < address.lastIndexOf(']') ? address : address.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
