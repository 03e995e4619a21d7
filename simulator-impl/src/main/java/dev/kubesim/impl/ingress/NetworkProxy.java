package dev.kubesim.impl.ingress;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.trace.TraceHop.Action;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.program.ProxyingServer;
import java.time.Duration;
import java.util.Optional;

/**
 * nginx in a controller pod: takes a request that reached the pod on 80 or 443, lets the {@link
 * NginxProxy} decide by the configuration in force, and for a proxied request opens the second TCP connection — from the
 * controller pod's own network namespace to the chosen endpoint, across the packet network — with
 * ingress-nginx's default timeouts ({@code proxy-connect-timeout} 5 s, {@code proxy-read-timeout}
 * 60 s).
 *
 * <p>When the request came over the network, the client's session goes on through nginx: the
 * decision is a {@link Action#PROXY} hop of its trace, the second connection runs {@linkplain
 * Session#nested() nested} in it (its hops follow in virtual-time order, and its time counts for
 * the client), and the answer says which backend pod answered ({@link IngressAnswer}).
 */
public final class NetworkProxy {
  private static final long CONNECT_TIMEOUT = Duration.ofSeconds(5).toNanos();
  private static final long READ_TIMEOUT = Duration.ofSeconds(60).toNanos();
  /** The component the trace names for nginx's hops. */
  private static final String WHERE = "ingress-nginx";

  private final NginxProxy nginx;
  private final Network network;

  /** nginx over {@code network}, deciding with {@code nginx}. */
  public NetworkProxy(NginxProxy nginx, Network network) {
    this.nginx = nginx;
    this.network = network;
  }

  /**
   * Answers a request as the controller pod's nginx does.
   *
   * @param request the request as the pod received it (its server address is the pod's)
   * @param tls whether it arrived on the HTTPS port
   * @param client the session of the client whose request came over the network; empty when the
   *     program is called directly
   */
  public ProxyingServer.Proxied serve(HttpRequest request, boolean tls, Optional<Session> client) {
    IngressExchange exchange = nginx.proxy(request, tls);
    Optional<Netns> pod = network.at(hostOf(request.serverAddress()));
    if (client.isPresent() && pod.isPresent()) {
      client.get().note(pod.get(), WHERE, Action.PROXY, exchange::describe, exchange.decision());
    }
    if (exchange.upstream().isEmpty() || pod.isEmpty()) {
      return answer(exchange, Optional.empty(), Optional.empty(), exchange.respond(Optional.empty()));
    }
    IngressExchange.Upstream up = exchange.upstream().get();
    // The second connection continues the client's session (same trace, same clock) when there is one.
    Session s = client.map(Session::nested).orElseGet(network::untracedSession);
    String endpoint = hostOf(up.endpoint());
    int port = Integer.parseInt(up.endpoint().substring(up.endpoint().lastIndexOf(':') + 1));
    HttpClient.Result r = HttpClient.fetch(network, s, pod.get(), Ip4.parse(endpoint), port, up.request(),
        s.now() + CONNECT_TIMEOUT, s.now() + CONNECT_TIMEOUT + READ_TIMEOUT);
    client.ifPresent(c -> c.resume(s));
    HttpResponse response = switch (r.outcome()) {
      case RESPONSE -> exchange.respond(r.response());
      case CONNECT_TIMEOUT, KERNEL_TIMEOUT, TRANSFER_TIMEOUT -> exchange.gatewayTimeout();
      default -> exchange.respond(Optional.empty());
    };
    if (r.ok()) {
      return answer(exchange, r.answeredBy(), Optional.empty(), response);
    }
    if (client.isPresent()) {
      client.get().note(pod.get(), WHERE, Action.PROXY, () -> "upstream " + up.endpoint()
          + " gave no answer (" + r.reason() + ") -> " + response.statusLine(), exchange.decision());
    }
    return answer(exchange, Optional.empty(), Optional.of(r.reason()), response);
  }

  /** The response with what nginx did with the request. */
  private static ProxyingServer.Proxied answer(IngressExchange exchange, Optional<ObjectRef> upstream,
      Optional<String> upstreamFailure, HttpResponse response) {
    return new ProxyingServer.Proxied(response, Optional.of(new IngressAnswer(exchange, upstream, upstreamFailure)));
  }

  private static String hostOf(String address) {
    int colon = address.lastIndexOf(':');
    return colon < 0 ? address : address.substring(0, colon);
  }
}
