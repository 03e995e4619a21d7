package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.TraceHop.Action;
import java.util.Optional;

/**
 * HTTP/1.1 over a {@link TcpConnection}: connect, send the request, read the response, close. This
 * is what {@code curl}, {@code wget}, the kubelet's httpGet probes and clients outside the cluster
 * use; an ingress controller proxies with it too.
 *
 * <pre>{@code
 * Session s = network.session("GET http://10.96.1.5/");
 * HttpClient.Result r = HttpClient.fetch(network, s, fromNetns, Ip4.parse("10.96.1.5"), 80,
 *     HttpRequest.get("/").withHeader("Host", "10.96.1.5"), Long.MAX_VALUE, Long.MAX_VALUE);
 * r.response();   // the server's answer
 * r.servedBy();   // pod/default/kubia-x7k2p
 * r.answeredBy(); // the same, or the pod behind an ingress controller that proxied the request
 * }</pre>
 */
public final class HttpClient {
  /** {@code net.ipv4.tcp_retries2} 15: how long Linux keeps retransmitting lost data (about 924.6 s). */
  static final long DATA_GIVE_UP = 924_600_000_000L;

  private HttpClient() {}

  /** How the exchange ended. */
  public enum Outcome {
    /** A response came back. */
    RESPONSE,
    REFUSED,
    /** The connection did not come up before the client's deadline. */
    CONNECT_TIMEOUT,
    /** The kernel gave up connecting ({@code ETIMEDOUT}). */
    KERNEL_TIMEOUT,
    NO_ROUTE,
    /** Connected, but the server closed without a response. */
    EMPTY_REPLY,
    /** The server answered with bytes that are no HTTP response (a database's greeting, memcached's {@code ERROR}). */
    NOT_HTTP,
    /** Connected, but the response did not come before the deadline. */
    TRANSFER_TIMEOUT,
    /**
     * {@link #connect}: the connection came up (and was closed again); {@link #fetchOverTls}: it
     * came up but the server speaks no TLS on the port, so the handshake failed.
     */
    CONNECTED,
    /** {@link #fetchOverTls} verifying the peer: the server's certificate is not trusted. */
    UNTRUSTED_CERTIFICATE
  }

  /** How a TLS client treats the server's certificate. */
  public enum PeerVerification {
    /** Verified against the client's trust store, which holds none of the simulated servers' issuers. */
    VERIFY,
    /** Not verified ({@code curl -k}). */
    INSECURE
  }

  /**
   * What the client got.
   *
   * @param servedBy who accepted the connection and answered on it ({@code pod/NAMESPACE/NAME}), once connected
   * @param service the DNAT decision that carried the connection to a Service endpoint, if any
   * @param connectedAt the virtual instant the connection came up, or -1
   * @param cause why it ended so: {@link Cause#ANSWERED}, {@link Cause#PROXY_ANSWERED} when an L7 proxy
   *     answered itself, or why it failed
   * @param object what decided a failure (the server for a response), if an object did
   * @param proxied what an L7 proxy that answered (ingress-nginx) did with the request: the upstream
   *     behind it and the route
   */
  public record Result(Outcome outcome, Optional<HttpResponse> response, Optional<ObjectRef> servedBy,
      Optional<PacketDecision> service, long connectedAt, Cause cause, Optional<ObjectRef> object, String reason,
      Optional<ProxyAnswer> proxied, Optional<String> notHttp) {
    /** A result without bytes that are no HTTP response. */
    public Result(Outcome outcome, Optional<HttpResponse> response, Optional<ObjectRef> servedBy,
        Optional<PacketDecision> service, long connectedAt, Cause cause, Optional<ObjectRef> object, String reason,
        Optional<ProxyAnswer> proxied) {
      this(outcome, response, servedBy, service, connectedAt, cause, object, reason, proxied, Optional.empty());
    }

    public boolean ok() {
      return outcome == Outcome.RESPONSE;
    }

    /**
     * Whose answer the client got: the upstream pod when an L7 proxy forwarded the request and the
     * upstream answered, otherwise the server that accepted the connection.
     */
    public Optional<ObjectRef> answeredBy() {
      Optional<ObjectRef> upstream = proxied.flatMap(ProxyAnswer::answeredBy);
      return upstream.isPresent() ? upstream : servedBy;
    }

    /**
     * One line for a delivered request's disposition: the status line, the Service port whose
     * rules carried the connection and the proxy's route, e.g. {@code HTTP/1.1 200 OK via Service
     * port ingress-nginx/ingress-nginx-controller:http; Ingress default/site to Service port
     * default/web:80}.
     */
    public String summary() {
      StringBuilder b = new StringBuilder(response.map(HttpResponse::statusLine).orElse(reason));
      service.flatMap(PacketDecision::servicePort).ifPresent(p -> b.append(" via Service port ").append(p));
      proxied.ifPresent(p -> b.append("; ").append(p.route()));
      return b.toString();
    }
  }

  /**
   * Sends one request on a new connection.
   *
   * @param connectDeadline the virtual instant the connection must be up by ({@code Long.MAX_VALUE}: the kernel's limit)
   * @param totalDeadline the virtual instant the whole exchange must end by
   */
  public static Result fetch(Network net, Session s, Netns from, int ip, int port, HttpRequest request, long connectDeadline,
      long totalDeadline) {
    TcpConnection.Attempt attempt = TcpConnection.open(net, s, from, ip, port, Math.min(connectDeadline, totalDeadline));
    Optional<PacketDecision> service = attempt.service();
    if (!attempt.connected()) {
      return failed(attempt, service);
    }
    return exchange(s, from, attempt.connection(), service, request, totalDeadline);
  }

  /**
   * As {@link #fetch}, over TLS: once connected, the handshake succeeds only where the listener
   * terminates TLS on the port ({@link Sockets#terminatesTls}); against a plain server it fails
   * ({@link Outcome#CONNECTED}), and a verifying client refuses the certificate of every simulated
   * server, none of which a public CA signed ({@link Outcome#UNTRUSTED_CERTIFICATE}). The request
   * then goes as over plain TCP: the handshake's records are not walked as packets.
   */
  public static Result fetchOverTls(Network net, Session s, Netns from, int ip, int port, HttpRequest request,
      PeerVerification verification, long connectDeadline, long totalDeadline) {
    TcpConnection.Attempt attempt = TcpConnection.open(net, s, from, ip, port, Math.min(connectDeadline, totalDeadline));
    Optional<PacketDecision> service = attempt.service();
    if (!attempt.connected()) {
      return failed(attempt, service);
    }
    TcpConnection c = attempt.connection();
    Optional<ObjectRef> owner = Optional.of(c.serverOwner());
    long at = s.now();
    if (!c.serverTerminatesTls()) {
      c.close();
      return new Result(Outcome.CONNECTED, Optional.empty(), owner, service, at, Cause.TLS_NOT_SPOKEN, owner,
          "TLS handshake failed: " + owner.get() + " speaks plain HTTP on port " + c.serverPort(), Optional.empty());
    }
    if (verification == PeerVerification.VERIFY) {
      c.close();
      return new Result(Outcome.UNTRUSTED_CERTIFICATE, Optional.empty(), owner, service, at, Cause.UNTRUSTED_CERTIFICATE, owner,
          "the certificate of " + owner.get() + " is not signed by a trusted CA", Optional.empty());
    }
    return exchange(s, from, c, service, request, totalDeadline);
  }

  private static Result exchange(Session s, Netns from, TcpConnection c, Optional<PacketDecision> service,
      HttpRequest request, long totalDeadline) {
    long connectedAt = s.now();
    Optional<ObjectRef> servedBy = Optional.of(c.serverOwner());
    TcpConnection.Reply reply = c.send(HttpPayload.request(request));
    Optional<ProxyAnswer> proxied = reply.answer()
        .filter(HttpPayload.class::isInstance)
        .flatMap(p -> ((HttpPayload) p).proxied());
    if (reply.lost().isPresent()) {
      long limit = Math.min(totalDeadline, connectedAt + DATA_GIVE_UP);
      s.advanceTo(limit);
      s.note(from, "socket", Action.TIMEOUT, "no response");
      Delivery.Lost l = reply.lost().get();
      return new Result(Outcome.TRANSFER_TIMEOUT, Optional.empty(), servedBy, service, connectedAt, l.cause(), l.object(),
          l.reason(), proxied);
    }
    if (s.now() > totalDeadline) {
      // A proxy on the way waited for its upstream longer than the client was willing to wait.
      s.note(from, "socket", Action.TIMEOUT, "the response came after the client's time limit");
      return new Result(Outcome.TRANSFER_TIMEOUT, Optional.empty(), servedBy, service, connectedAt, Cause.TIMEOUT, servedBy,
          "no response within the client's time limit", proxied);
    }
    Optional<HttpResponse> response = reply.answer()
        .filter(HttpPayload.class::isInstance)
        .flatMap(p -> ((HttpPayload) p).asResponse());
    c.close();
    Optional<String> raw = reply.answer().filter(DataPayload.class::isInstance).map(p -> ((DataPayload) p).text())
        .filter(t -> !t.isEmpty());
    if (response.isEmpty() && raw.isPresent()) {
      return new Result(Outcome.NOT_HTTP, Optional.empty(), servedBy, service, connectedAt, Cause.ANSWERED, servedBy,
          "the server answered with bytes that are no HTTP response", proxied, raw);
    }
    if (response.isEmpty()) {
      return new Result(Outcome.EMPTY_REPLY, Optional.empty(), servedBy, service, connectedAt, Cause.CONNECTION_CLOSED,
          servedBy, "the server closed the connection without a response", proxied);
    }
    // An L7 proxy that passed no upstream's answer on answered itself (404, redirect, 502/503/504).
    boolean proxyOwn = proxied.isPresent() && proxied.get().answeredBy().isEmpty();
    return new Result(Outcome.RESPONSE, response, servedBy, service, connectedAt,
        proxyOwn ? Cause.PROXY_ANSWERED : Cause.ANSWERED, servedBy, response.get().statusLine(), proxied);
  }

  /**
   * Opens a connection and closes it again, sending nothing: {@link Outcome#CONNECTED} or why not.
   * (A TLS client's first step; the simulated servers speak no TLS.)
   */
  public static Result connect(Network net, Session s, Netns from, int ip, int port, long deadline) {
    TcpConnection.Attempt attempt = TcpConnection.open(net, s, from, ip, port, deadline);
    Optional<PacketDecision> service = attempt.service();
    if (!attempt.connected()) {
      return failed(attempt, service);
    }
    Optional<ObjectRef> owner = Optional.of(attempt.connection().serverOwner());
    long at = s.now();
    attempt.connection().close();
    return new Result(Outcome.CONNECTED, Optional.empty(), owner, service, at, Cause.ANSWERED, owner, "connected",
        Optional.empty());
  }

  private static Result failed(TcpConnection.Attempt attempt, Optional<PacketDecision> service) {
    Outcome o = switch (attempt.status()) {
      case REFUSED -> Outcome.REFUSED;
      case NO_ROUTE -> Outcome.NO_ROUTE;
      case KERNEL_TIMEOUT -> Outcome.KERNEL_TIMEOUT;
      default -> Outcome.CONNECT_TIMEOUT;
    };
    return new Result(o, Optional.empty(), Optional.empty(), service, -1, attempt.cause(), attempt.object(),
        attempt.reason(), Optional.empty());
  }
}
