package dev.kubesim.impl.ingress;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Session;
import java.time.Duration;
import java.util.Optional;

/**
 * nginx in a controller pod: takes a request that reached the pod on 80 or 443, lets the {@link
 * IngressController} decide, and for a proxied request opens the second TCP connection — from the
 * controller pod's own network namespace to the chosen endpoint, across the packet network — with
 * ingress-nginx's default timeouts ({@code proxy-connect-timeout} 5 s, {@code proxy-read-timeout}
 * 60 s). Every answer is recorded in the controller's access log ({@link IngressController#served}).
 */
public final class NetworkProxy {
  private static final long CONNECT_TIMEOUT = Duration.ofSeconds(5).toNanos();
  private static final long READ_TIMEOUT = Duration.ofSeconds(60).toNanos();

  private final IngressController controller;
  private final Network network;

  public NetworkProxy(IngressController controller, Network network) {
    this.controller = controller;
    this.network = network;
  }

  /**
   * Answers a request as the controller pod's nginx does.
   *
   * @param request the request as the pod received it (its server address is the pod's)
   * @param tls whether it arrived on the HTTPS port
   */
  public HttpResponse serve(HttpRequest request, boolean tls) {
    IngressExchange exchange = controller.proxy(request, tls);
    if (exchange.upstream().isEmpty()) {
      return controller.served(exchange, Optional.empty(), exchange.respond(Optional.empty())).response();
    }
    IngressExchange.Upstream up = exchange.upstream().get();
    Optional<Netns> from = network.at(hostOf(request.serverAddress()));
    if (from.isEmpty()) {
      return controller.served(exchange, Optional.empty(), exchange.respond(Optional.empty())).response();
    }
    // The second connection runs on a clock of its own: the network's session API times one client activity.
    Session s = network.untracedSession();
    String endpoint = hostOf(up.endpoint());
    int port = Integer.parseInt(up.endpoint().substring(up.endpoint().lastIndexOf(':') + 1));
    HttpClient.Result r = HttpClient.fetch(network, s, from.get(), Ip4.parse(endpoint), port, up.request(),
        s.now() + CONNECT_TIMEOUT, s.now() + CONNECT_TIMEOUT + READ_TIMEOUT);
    HttpResponse response = switch (r.outcome()) {
      case RESPONSE -> exchange.respond(r.response());
      case CONNECT_TIMEOUT, KERNEL_TIMEOUT, TRANSFER_TIMEOUT -> exchange.gatewayTimeout();
      default -> exchange.respond(Optional.empty());
    };
    Optional<String> pod = r.ok() ? r.servedBy().map(o -> o.startsWith("pod/") ? o.substring(4) : o) : Optional.empty();
    return controller.served(exchange, pod, response).response();
  }

  private static String hostOf(String address) {
    int colon = address.lastIndexOf(':');
    return colon < 0 ? address : address.substring(0, colon);
  }
}
