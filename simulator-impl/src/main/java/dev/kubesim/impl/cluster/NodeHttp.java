package dev.kubesim.impl.cluster;

import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.trace.Disposition;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.resolver.Libc;
import dev.kubesim.impl.resolver.PacketDnsTransport;
import dev.kubesim.impl.resolver.ResolvConf;
import dev.kubesim.impl.resolver.Resolution;
import dev.kubesim.impl.resolver.Resolver;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP request from a node's own network namespace, as curl on the node's host makes it (the
 * host has no shell in the simulator): the name resolves through the node's resolv.conf with glibc's
 * resolver and the cluster DNS, and the request goes on a new connection through kube-proxy's rules
 * and conntrack, traced.
 */
final class NodeHttp {
  private static final String USER_AGENT = "curl/8.11.1";

  private NodeHttp() {}

  /** Sends the request; the caller holds the cluster's lock. */
  static HttpResult send(Network net, Netns from, String node, HostResolvConf hostResolvConf, HttpRequest request) {
    URI uri;
    try {
      uri = new URI(request.target());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + request.target(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("not an http or https URL: \"" + request.target() + "\"");
    }
    String host = uri.getHost();
    boolean https = scheme.equals("https");
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Session s = net.session("curl " + request.target() + " on node " + node);
    String ip = host;
    if (!Ip4.isValid(host)) {
      String resolvConf = new ResolvConf(hostResolvConf.nameservers(), hostResolvConf.searches(), hostResolvConf.options())
          .text();
      Resolution r = new Resolver(Libc.GLIBC, new PacketDnsTransport(net, s, from)).lookup(from.name(), resolvConf, host, "A");
      Optional<String> v4 = r.addresses().stream().filter(Ip4::isValid).findFirst();
      if (v4.isEmpty()) {
        Disposition.Kind kind = r.outcome() == Resolution.Outcome.NOT_FOUND ? Disposition.Kind.NXDOMAIN
            : Disposition.Kind.NO_ANSWER;
        Cause cause = r.outcome() == Resolution.Outcome.NOT_FOUND ? Cause.NXDOMAIN
            : r.rcode().isPresent() ? Cause.NO_DNS_RECORDS : Cause.NO_DNS_SERVER;
        return result(s, Optional.empty(), Optional.empty(), 6, "Could not resolve host: " + host,
            Disposition.of(kind, cause, host + ": " + r.outcome()));
      }
      ip = v4.get();
    }
    HttpRequest sent = new HttpRequest(request.method(), target,
        headers(request.headers(), port == (https ? 443 : 80) ? host : host + ":" + port), request.body(), "0.0.0.0:0",
        "0.0.0.0:0");
    HttpClient.Result r = https
        ? HttpClient.fetchOverTls(net, s, from, Ip4.parse(ip), port, sent, HttpClient.PeerVerification.INSECURE,
            Long.MAX_VALUE, Long.MAX_VALUE)
        : HttpClient.fetch(net, s, from, Ip4.parse(ip), port, sent, Long.MAX_VALUE, Long.MAX_VALUE);
    String failedToConnect = "Failed to connect to " + host + " port " + port + " after " + s.elapsed() / 1_000_000L
        + " ms: ";
    return switch (r.outcome()) {
      case RESPONSE -> result(s, r.response(), r.answeredBy(), 0, "",
          new Disposition(Disposition.Kind.DELIVERED, r.cause(), r.answeredBy(), r.summary()));
      case REFUSED -> failed(s, r, 7, failedToConnect + "Couldn't connect to server", Disposition.Kind.REFUSED);
      case NO_ROUTE -> failed(s, r, 7, failedToConnect + "Couldn't connect to server", Disposition.Kind.NO_ROUTE);
      case EMPTY_REPLY -> failed(s, r, 52, "Empty reply from server", Disposition.Kind.EMPTY_REPLY);
      case NOT_HTTP -> failed(s, r, 1, "Received HTTP/0.9 when not allowed", Disposition.Kind.EMPTY_REPLY);
      case CONNECTED -> failed(s, r, 35, "OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number",
          Disposition.Kind.EMPTY_REPLY);
      case UNTRUSTED_CERTIFICATE -> failed(s, r, 60, "SSL certificate problem: self-signed certificate",
          Disposition.Kind.EMPTY_REPLY);
      case CONNECT_TIMEOUT, KERNEL_TIMEOUT -> failed(s, r, 28, failedToConnect + "Timeout was reached",
          Disposition.Kind.TIMED_OUT);
      case TRANSFER_TIMEOUT -> failed(s, r, 28, "Operation timed out after " + s.elapsed() / 1_000_000L
          + " milliseconds with 0 bytes received", Disposition.Kind.TIMED_OUT);
    };
  }

  private static HttpResult failed(Session s, HttpClient.Result r, int exit, String error, Disposition.Kind kind) {
    return result(s, Optional.empty(), Optional.empty(), exit, error, new Disposition(kind, r.cause(), r.object(), r.reason()));
  }

  private static HttpResult result(Session s, Optional<dev.kubesim.api.program.HttpResponse> response,
      Optional<dev.kubesim.api.ObjectRef> answeredBy, int exit, String error, Disposition disposition) {
    Duration elapsed = Duration.ofNanos(s.elapsed());
    Trace trace = s.finish(disposition);
    return new HttpResult(response, answeredBy, exit, error, elapsed, trace);
  }

  /** curl's {@code Host}, {@code User-Agent} and {@code Accept}, each replaced by the request's own; then its others. */
  private static List<HttpHeader> headers(List<HttpHeader> given, String hostHeader) {
    List<HttpHeader> out = new ArrayList<>();
    out.add(HttpHeader.of("Host", first(given, "Host").orElse(hostHeader)));
    out.add(HttpHeader.of("User-Agent", first(given, "User-Agent").orElse(USER_AGENT)));
    out.add(HttpHeader.of("Accept", first(given, "Accept").orElse("*/*")));
    for (HttpHeader h : given) {
      if (!h.name().equalsIgnoreCase("Host") && !h.name().equalsIgnoreCase("User-Agent")
          && !h.name().equalsIgnoreCase("Accept")) {
        out.add(h);
      }
    }
    return out;
  }

  private static Optional<String> first(List<HttpHeader> headers, String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpHeader::value).findFirst();
  }
}
