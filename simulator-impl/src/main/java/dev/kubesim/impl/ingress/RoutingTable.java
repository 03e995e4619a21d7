package dev.kubesim.impl.ingress;

import dev.kubesim.impl.ingress.IngressDecision.Outcome;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The controller's configuration at one moment, as ingress-nginx renders it into nginx.conf: the
 * servers by host name and the catch-all {@code _}. {@link #route} is a pure function of the table
 * and the request: the host picks the server (exact name, then the wildcard one label up, then the
 * catch-all), the path picks the location, and plain HTTP to a host with a certificate is
 * redirected to HTTPS.
 */
public final class RoutingTable {
  private final Map<String, Server> servers;
  private final Server catchAll;
  private final Map<IngressBackendRef, UpstreamAffinity> affinities;

  RoutingTable(Map<String, Server> servers, Server catchAll, Map<IngressBackendRef, UpstreamAffinity> affinities) {
    this.servers = Map.copyOf(servers);
    this.catchAll = catchAll;
    this.affinities = Map.copyOf(affinities);
  }

  /** A table with no Ingress: every request gets the controller's default backend. */
  public static RoutingTable empty() {
    return RoutingTableBuilder.build(java.util.List.of(), (ns, name) -> Optional.empty());
  }

  /**
   * Routes one request without regard to its client (no {@code allowlist-source-range} check).
   *
   * @param host the Host header (a port and upper case are ignored)
   * @param target the request target, path and optional query ({@code /foo?x=1})
   * @param tls whether the request came over HTTPS
   */
  public IngressDecision route(String host, String target, boolean tls) {
    return route(host, target, tls, Optional.empty());
  }

  /**
   * Routes one request as nginx's phases decide it: the server's {@code app-root} for {@code /}, then
   * the location's own answers ({@code return} of a denied location or of a redirect annotation), the
   * redirect to HTTPS, the client's address against the location's allowed ranges, and the backend.
   *
   * @param host the Host header (a port and upper case are ignored for matching)
   * @param target the request target, path and optional query ({@code /foo?x=1})
   * @param tls whether the request came over HTTPS
   * @param client the address nginx sees the request from ({@code $remote_addr}); empty to skip the check
   */
  public IngressDecision route(String host, String target, boolean tls, Optional<String> client) {
    String h = HostMatch.normalise(host);
    int q = target.indexOf('?');
    String path = decode(q < 0 ? target : target.substring(0, q));
    if (path.isEmpty()) {
      path = "/";
    }
    Server server = serverFor(h);
    Location loc = server.locationFor(path);
    Optional<String> certificate = tls
        ? Optional.of(server.certificate().orElse(TlsSecrets.FAKE_CERTIFICATE))
        : Optional.empty();
    String scheme = tls ? "https" : "http";
    // server rewrite phase: "if ($uri = /) { return 302 $scheme://$http_host<app-root>; }"
    if (path.equals("/") && server.appRoot().isPresent()) {
      Location declaring = server.appRoot().get();
      return decision(Outcome.APP_ROOT, h, path, tls, server, declaring, certificate,
          Optional.of(scheme + "://" + host + declaring.appRoot().orElseThrow()), 302, Optional.of("app-root"));
    }
    // location rewrite phase: the template's return lines come before the Lua redirect to HTTPS
    if (loc.denied().isPresent()) {
      return decision(Outcome.DENIED, h, path, tls, server, loc, certificate, Optional.empty(), 503, loc.denied());
    }
    if (loc.redirect().isPresent()) {
      ReturnRedirect r = loc.redirect().get();
      return decision(Outcome.RETURN, h, path, tls, server, loc, certificate,
          Optional.of(ReturnRedirect.isRedirectCode(r.code()) ? r.location(scheme, h) : r.url()), r.code(),
          Optional.of(r.annotation()));
    }
    boolean hostHasCertificate = server != catchAll && server.certificate().isPresent();
    if (!tls && (loc.forceSslRedirect() || (hostHasCertificate && loc.sslRedirect()))) {
      // lua_ingress.lua: the request URI loses a final slash unless preserve-trailing-slash is set
      String uri = !loc.preserveTrailingSlash() && target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
      String location = "https://" + h + uri;
      return decision(Outcome.REDIRECT, h, path, tls, server, loc, certificate, Optional.of(location), 308, Optional.empty());
    }
    // access phase: allow CIDR; ... deny all;
    if (client.isPresent() && !loc.sourceRange().admits(client.get())) {
      return decision(Outcome.FORBIDDEN, h, path, tls, server, loc, certificate, Optional.empty(), 403,
          Optional.of("client " + client.get() + " is not in allowlist-source-range " + loc.sourceRange()));
    }
    Outcome outcome = loc.backend().isPresent() ? Outcome.PROXY : Outcome.DEFAULT_BACKEND;
    return decision(outcome, h, path, tls, server, loc, certificate, Optional.empty(), outcome == Outcome.PROXY ? 0 : 404,
        Optional.empty());
  }

  private static IngressDecision decision(Outcome outcome, String host, String path, boolean tls, Server server, Location loc,
      Optional<String> certificate, Optional<String> redirect, int status, Optional<String> detail) {
    return new IngressDecision(outcome, host, path, tls, server.name(), loc.ingress(),
        loc.ingress().isPresent() ? loc.rule() : OptionalInt.empty(),
        loc.ingress().isPresent() ? loc.pathIndex() : OptionalInt.empty(), loc.path(), loc.pathType(),
        outcome == Outcome.PROXY ? loc.backend() : Optional.empty(), certificate, redirect,
        outcome == Outcome.PROXY ? loc.rewriteTarget().map(t -> PathRegex.rewrite(loc.path(), t, path)) : Optional.empty(),
        status, detail);
  }

  /** The session affinity of the upstream, when it is sticky by cookie. */
  Optional<UpstreamAffinity> affinity(IngressBackendRef upstream) {
    return Optional.ofNullable(affinities.get(upstream));
  }

  private Server serverFor(String host) {
    Server exact = servers.get(host);
    if (exact != null) {
      return exact;
    }
    // A wildcard server covers exactly one label, so the only candidate is "*." + the parent domain.
    int dot = host.indexOf('.');
    if (dot > 0) {
      Server wildcard = servers.get("*" + host.substring(dot));
      if (wildcard != null && HostMatch.wildcardMatches(wildcard.name(), host)) {
        return wildcard;
      }
    }
    return catchAll;
  }

  /** nginx matches locations on the decoded URI. */
  private static String decode(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    try {
      return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return path;
    }
  }

  /** The number of servers besides the catch-all. */
  public int serverCount() {
    return servers.size();
  }
}
