package dev.kubesim.samples.conformance;

import dev.kubesim.api.ExternalClient;
import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.Session;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code https} requests of the {@code http} verb for a client outside the cluster ({@code
 * external}, or {@code external:IP}), which the product's curl does not speak yet (plain HTTP goes
 * through the outside client's own curl, {@link CurlHttp}). Certificates are not checked, as the
 * scenario format says: the engine's outside host ({@link SimCluster#external(String)}) opens a new
 * connection over the packet network, which routes it as it routes {@code curl} run there — to a
 * node's address directly, to a LoadBalancer address through the cloud's load balancer, to a
 * Service's externalIP through the router in front of the nodes; then kube-proxy's rules,
 * conntrack, masquerade, the hop to the endpoint's node, the pod's container and, when that pod is
 * an ingress-nginx controller, its nginx, which routes by host and path to the backend pod.
 * ClusterIPs and pod IPs are not routed from outside: the client times out. A host name is not
 * resolved (the outside has no cluster DNS).
 */
final class ExternalHttp {
  /** The address of {@code external}. */
  static final String DEFAULT_CLIENT = ExternalClient.DEFAULT_ADDRESS;
  /** What the outside host's curl (Debian 12) sends. */
  private static final String USER_AGENT = "curl/7.88.1";

  private final SimCluster sim;

  ExternalHttp(SimCluster sim) {
    this.sim = sim;
  }

  /** The client's address for a {@code from} of {@code external} or {@code external:IP}. */
  static String clientAddress(String from) {
    return from.startsWith("external:") ? from.substring("external:".length()) : DEFAULT_CLIENT;
  }

  /** Sends one request on a new connection and says what the client saw. */
  HttpResult request(ScenarioTarget.HttpRequest req) {
    URI uri;
    try {
      uri = new URI(req.url());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + req.url(), e);
    }
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    String host = uri.getHost() == null ? "" : uri.getHost();
    if (!Ip4.isValid(host)) {
      return HttpResult.failed("could not resolve"); // outside clients have no cluster DNS
    }
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String client = sim.external(clientAddress(req.from())).address();
    dev.kubesim.api.program.HttpRequest request = new dev.kubesim.api.program.HttpRequest("GET", target,
        headers(req.headers(), host, port, tls), "", client + ":0", host + ":" + port);

    Network net = sim.network();
    Netns outside = net.outsideHost(client);
    Session s = net.session("http " + req.url() + " from external:" + client);
    HttpClient.Result r = HttpClient.fetch(net, s, outside, Ip4.parse(host), port, request, Long.MAX_VALUE, Long.MAX_VALUE);
    return switch (r.outcome()) {
      case RESPONSE -> {
        yield BackendNames.answered(sim, r);
      }
      case REFUSED -> HttpResult.failed("connection refused");
      case EMPTY_REPLY -> HttpResult.failed("empty reply");
      // From outside, an address nothing routes goes out to the internet and is never answered.
      default -> HttpResult.failed("timeout");
    };
  }

  /** curl's headers, with the step's own (a {@code Host} among them replaces curl's). */
  private static List<HttpHeader> headers(Map<String, String> extra, String host, int port, boolean tls) {
    List<HttpHeader> out = new ArrayList<>();
    boolean defaultPort = port == (tls ? 443 : 80);
    out.add(HttpHeader.of("Host", extra.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Host"))
        .map(Map.Entry::getValue).findFirst().orElse(defaultPort ? host : host + ":" + port)));
    out.add(HttpHeader.of("User-Agent", USER_AGENT));
    out.add(HttpHeader.of("Accept", "*/*"));
    extra.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Host")) {
        out.add(HttpHeader.of(name, value));
      }
    });
    return out;
  }
}
