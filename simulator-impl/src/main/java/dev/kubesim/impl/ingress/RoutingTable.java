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

  RoutingTable(Map<String, Server> servers, Server catchAll) {
    this.servers = Map.copyOf(servers);
    this.catchAll = catchAll;
  }

  /** A table with no Ingress: every request gets the controller's default backend. */
  public static RoutingTable empty() {
    return RoutingTableBuilder.build(java.util.List.of(), (ns, name) -> Optional.empty());
  }

  /**
   * Routes one request.
   *
   * @param host the Host header (a port and upper case are ignored)
   * @param target the request target, path and optional query ({@code /foo?x=1})
   * @param tls whether the request came over HTTPS
   */
  public IngressDecision route(String host, String target, boolean tls) {
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
    boolean hostHasCertificate = server != catchAll && server.certificate().isPresent();
    if (!tls && (loc.forceSslRedirect() || (hostHasCertificate && loc.sslRedirect()))) {
      String location = "https://" + h + target;
      return decision(Outcome.REDIRECT, h, path, tls, server, loc, certificate, Optional.of(location));
    }
    Outcome outcome = loc.backend().isPresent() ? Outcome.PROXY : Outcome.DEFAULT_BACKEND;
    return decision(outcome, h, path, tls, server, loc, certificate, Optional.empty());
  }

  private static IngressDecision decision(Outcome outcome, String host, String path, boolean tls, Server server, Location loc,
      Optional<String> certificate, Optional<String> redirect) {
    return new IngressDecision(outcome, host, path, tls, server.name(), loc.ingress(),
        loc.ingress().isPresent() ? loc.rule() : OptionalInt.empty(),
        loc.ingress().isPresent() ? loc.pathIndex() : OptionalInt.empty(), loc.path(), loc.pathType(),
        outcome == Outcome.PROXY ? loc.backend() : Optional.empty(), certificate, redirect,
        outcome == Outcome.PROXY ? loc.rewriteTarget().map(t -> PathRegex.rewrite(loc.path(), t, path)) : Optional.empty());
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
