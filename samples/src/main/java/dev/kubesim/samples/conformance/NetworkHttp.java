package dev.kubesim.samples.conformance;

import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.HttpClient;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Netns;
import dev.kubesim.impl.net.Network;
import dev.kubesim.impl.net.NodeHost;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.resolver.Libc;
import dev.kubesim.impl.resolver.PacketDnsTransport;
import dev.kubesim.impl.resolver.ResolvConf;
import dev.kubesim.impl.resolver.Resolution;
import dev.kubesim.impl.resolver.Resolver;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code http} verb where the product's curl cannot serve it — from a node ({@code node:NAME}),
 * whose host has no shell in the product — made here over the packet network as curl makes it: the
 * name resolves through the node's own resolv.conf and the cluster DNS, the request goes on a new TCP connection through kube-proxy's rules and conntrack,
 * and the result names the Service port kube-proxy matched and the pod that answered.
 */
final class NetworkHttp {
  private static final String USER_AGENT = "curl/8.11.1";

  private final SimCluster sim;

  NetworkHttp(SimCluster sim) {
    this.sim = sim;
  }

  HttpResult request(ScenarioTarget.HttpRequest req) {
    Network net = sim.network();
    String resolvConf;
    Netns from;
    if (req.from().startsWith("node:")) {
      String node = req.from().substring("node:".length());
      from = net.node(node).map(NodeHost::netns).orElseThrow(() -> new IllegalArgumentException("no node " + node));
      HostResolvConf h = sim.options().hostResolvConf();
      resolvConf = new ResolvConf(h.nameservers(), h.searches(), h.options()).text();
    } else {
      ObjectKey key = podKey(req.from());
      Pod pod = (Pod) sim.api().getOrThrow(Pod.KIND, key.namespace(), key.name());
      String ip = pod.status().flatMap(PodStatus::podIP).orElseThrow(() -> new IllegalStateException("pod " + req.from() + " has no IP"));
      from = net.at(ip).orElseThrow(() -> new IllegalStateException("pod " + req.from() + " is not on the network"));
      String node = pod.spec().flatMap(PodSpec::nodeName).orElse("");
      resolvConf = sim.kubelet(node).flatMap(k -> k.worker(key)).flatMap(w -> w.resolvConf()).map(ResolvConf::text).orElse("");
    }
    URI uri;
    try {
      uri = new URI(req.url());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + req.url(), e);
    }
    String host = uri.getHost() == null ? "" : uri.getHost();
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Session s = net.session("http " + req.url() + " from " + req.from());
    String ip = host;
    if (!Ip4.isValid(host)) {
      Resolution r = new Resolver(Libc.GLIBC, new PacketDnsTransport(net, s, from)).lookup(from.name(), resolvConf, host, "A");
      Optional<String> v4 = r.addresses().stream().filter(Ip4::isValid).findFirst();
      if (v4.isEmpty()) {
        return HttpResult.failed("could not resolve");
      }
      ip = v4.get();
    }
    dev.kubesim.api.program.HttpRequest request = new dev.kubesim.api.program.HttpRequest("GET", target,
        headers(req.headers(), port == 80 ? host : host + ":" + port), "", "0.0.0.0:0", "0.0.0.0:0");
    HttpClient.Result r = HttpClient.fetch(net, s, from, Ip4.parse(ip), port, request, Long.MAX_VALUE, Long.MAX_VALUE);
    return switch (r.outcome()) {
      case RESPONSE -> {
        yield BackendNames.answered(sim, r);
      }
      case REFUSED -> HttpResult.failed("connection refused");
      case NO_ROUTE -> HttpResult.failed("no route");
      case EMPTY_REPLY -> HttpResult.failed("empty reply");
      default -> HttpResult.failed("timeout");
    };
  }


  private static List<HttpHeader> headers(Map<String, String> extra, String hostHeader) {
    List<HttpHeader> out = new ArrayList<>();
    out.add(HttpHeader.of("Host", extra.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Host"))
        .map(Map.Entry::getValue).findFirst().orElse(hostHeader)));
    out.add(HttpHeader.of("User-Agent", USER_AGENT));
    out.add(HttpHeader.of("Accept", "*/*"));
    extra.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Host")) {
        out.add(HttpHeader.of(name, value));
      }
    });
    return out;
  }

  private static ObjectKey podKey(String ref) {
    int slash = ref.indexOf('/');
    return slash < 0 ? new ObjectKey("default", ref) : new ObjectKey(ref.substring(0, slash), ref.substring(slash + 1));
  }
}
