package dev.kubesim.impl.cluster;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.impl.apiserver.rest.RestHost.ProxyAnswer;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.NodeHost;
import dev.kubesim.impl.net.Session;
import java.util.Optional;

/**
 * The API server's own HTTP client for the {@code proxy} subresources: it runs on the first
 * node's network (a control-plane's API server uses its host's network), so a pod or an endpoint
 * is reached as any node reaches it.
 */
final class ApiServerProxy {
  /** Go's http.Transport gives up dialling after 30 s, and the proxy's whole exchange after a minute. */
  private static final long DIAL_NANOS = 30_000_000_000L;
  private static final long TOTAL_NANOS = 60_000_000_000L;

  private ApiServerProxy() {}

  static ProxyAnswer send(Network network, String ip, int port, HttpRequest request) {
    Optional<NodeHost> node = network.nodes().stream().findFirst();
    String dial = "dial tcp " + ip + ":" + port + ": ";
    if (node.isEmpty() || !Ip4.isValid(ip)) {
      return new ProxyAnswer(Optional.empty(), dial + "connect: network is unreachable");
    }
    Session s = network.untracedSession();
    HttpClient.Result r = HttpClient.fetch(network, s, node.get().netns(), Ip4.parse(ip), port,
        request.withHeader("Connection", "close"), s.now() + DIAL_NANOS, s.now() + TOTAL_NANOS);
    return switch (r.outcome()) {
      case RESPONSE -> new ProxyAnswer(r.response(), "");
      case REFUSED -> new ProxyAnswer(Optional.empty(), dial + "connect: connection refused");
      case NO_ROUTE -> new ProxyAnswer(Optional.empty(), dial + "connect: no route to host");
      case EMPTY_REPLY -> new ProxyAnswer(Optional.empty(), "EOF");
      case NOT_HTTP -> new ProxyAnswer(Optional.empty(), "net/http: HTTP/1.x transport connection broken: malformed HTTP response");
      default -> new ProxyAnswer(Optional.empty(), dial + "i/o timeout");
    };
  }
}
