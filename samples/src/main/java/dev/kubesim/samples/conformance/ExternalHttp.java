package dev.kubesim.samples.conformance;

import dev.kubesim.api.NodeConfig;
import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.cloud.LoadBalancerRoute;
import dev.kubesim.impl.cloud.LoadBalancers;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.ingress.IngressController;
import dev.kubesim.impl.ingress.IngressExchange;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.proxy.KubeProxy;
import dev.kubesim.impl.proxy.PacketDecision;
import dev.kubesim.impl.proxy.Protocol;
import dev.kubesim.impl.proxy.ServicePortName;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code http} verb for a client outside the cluster ({@code external}, or {@code
 * external:IP}), hop by hop as a real request goes: the external network reaches node addresses,
 * LoadBalancer addresses (through the cloud's load balancer, {@link LoadBalancers#route}) and
 * externalIPs (routed to the first node), nothing else; on the node, kube-proxy's rules decide
 * ({@link KubeProxy#decide}: DNAT to an endpoint, masquerade to the node's address, REJECT, DROP);
 * the endpoint pod's container answers — and when that pod is an ingress-nginx controller, the
 * controller's L7 routing ({@link IngressController#proxy}) picks the backend pod, whose container
 * answers the second connection.
 *
 * <p>The hops are evaluated directly against kube-proxy's decision API and the containers, not by
 * the packet network (which does not carry outside clients yet): no trace is recorded, and a
 * second node hop is not modelled beyond the endpoint's node being up.
 */
final class ExternalHttp {
  /** The address of {@code external}: a host of TEST-NET-3 (RFC 5737), outside every cluster range. */
  static final String DEFAULT_CLIENT = "203.0.113.2";
  private static final String USER_AGENT = "curl/8.5.0";

  private final SimCluster sim;
  private int nextSourcePort;

  ExternalHttp(SimCluster sim) {
    this.sim = sim;
  }

  /** Whether a step's {@code from} names a client outside the cluster. */
  static boolean isExternal(String from) {
    return from.equals("external") || from.startsWith("external:");
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
    if (!isIPv4(host)) {
      return HttpResult.failed("could not resolve"); // outside clients have no cluster DNS
    }
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String client = clientAddress(req.from());
    int sourcePort = 40000 + (nextSourcePort++ % 20000);
    dev.kubesim.api.program.HttpRequest request = new dev.kubesim.api.program.HttpRequest("GET", target,
        headers(req.headers(), host, port, tls), "", client + ":" + sourcePort, host + ":" + port);

    Optional<Hop> hop = firstHop(host, port, client);
    if (hop.isEmpty()) {
      return HttpResult.failed("timeout");
    }
    return atNode(hop.get(), request, client, sourcePort, tls);
  }

  /** Where the external network delivers the packet: a node, and the destination on it. */
  private record Hop(String node, String destination, int port) {}

  private Optional<Hop> firstHop(String address, int port, String client) {
    LoadBalancers cloud = LoadBalancers.of(sim.api());
    if (cloud.isLoadBalancerAddress(address)) {
      LoadBalancerRoute route = cloud.route(address, port, client);
      return route.forwarded()
          ? Optional.of(new Hop(route.node().get(), route.destination().get(), route.destinationPort()))
          : Optional.empty();
    }
    for (NodeConfig n : sim.options().nodes()) {
      if (n.addresses().contains(address)) {
        return Optional.of(new Hop(n.name(), address, port));
      }
    }
    for (KubeObject o : sim.api().list(Service.KIND, Optional.empty())) {
      if (((Service) o).specOrEmpty().externalIPs().contains(address)) {
        return Optional.of(new Hop(sim.options().nodes().get(0).name(), address, port));
      }
    }
    return Optional.empty();
  }

  private HttpResult atNode(Hop hop, dev.kubesim.api.program.HttpRequest request, String client, int sourcePort, boolean tls) {
    if (!sim.kubelet(hop.node()).map(Kubelet::isRunning).orElse(false)) {
      return HttpResult.failed("timeout"); // the node is down
    }
    KubeProxy proxy = sim.kubeProxy(hop.node()).orElseThrow();
    PacketDecision d = proxy.decide(proxy.packet(client, hop.destination(), Protocol.TCP, sourcePort, hop.port()));
    switch (d.verdict()) {
      case DNAT -> {
        String seenSource = d.masquerade() ? proxy.config().nodeIP() : client;
        dev.kubesim.api.program.HttpRequest atPod = request
            .withClientAddress(seenSource + ":" + sourcePort)
            .withServerAddress(d.destination() + ":" + d.destinationPort());
        Optional<String> backend = d.servicePort().flatMap(this::servicePortText);
        return atPod(atPod, tls, backend);
      }
      case REJECT -> {
        return HttpResult.failed("connection refused");
      }
      case ACCEPT -> {
        return healthCheck(hop.node(), hop.port());
      }
      case DROP -> {
        return HttpResult.failed("timeout");
      }
      default -> {
        // Nothing of kube-proxy's: the node's own stack answers with a RST, a foreign VIP goes nowhere.
        return proxy.isLocalAddress(hop.destination()) ? HttpResult.failed("connection refused") : HttpResult.failed("timeout");
      }
    }
  }

  /** The endpoint pod answers; an ingress controller pod routes the request on to a backend pod. */
  private HttpResult atPod(dev.kubesim.api.program.HttpRequest request, boolean tls, Optional<String> backend) {
    Optional<Pod> pod = podAt(hostOf(request.serverAddress()));
    if (pod.isEmpty()) {
      return HttpResult.failed("timeout");
    }
    String podKey = key(pod.get());
    Optional<IngressController> ingress = IngressController.of(sim.api())
        .filter(c -> c.isControllerPod(pod.get().metadata().namespace().orElse(""), pod.get().metadata().nameOrEmpty()));
    int port = request.serverPort();
    if (ingress.isPresent() && (port == 80 || port == 443)) {
      if (container(pod.get(), port).isEmpty()) {
        return HttpResult.failed("connection refused");
      }
      return throughIngress(ingress.get().proxy(request, tls && port == 443), podKey);
    }
    Optional<RunningContainer> c = container(pod.get(), port);
    Optional<HttpResponse> response = c.flatMap(x -> x.serveHttp(request));
    if (response.isEmpty()) {
      return HttpResult.failed("connection refused");
    }
    return new HttpResult(Optional.empty(), response.get().status(), backend, response.get().body(), Optional.of(podKey));
  }

  private HttpResult throughIngress(IngressExchange exchange, String controllerPod) {
    if (exchange.upstream().isEmpty()) {
      HttpResponse own = exchange.respond(Optional.empty());
      return new HttpResult(Optional.empty(), own.status(), Optional.empty(), own.body(), Optional.of(controllerPod));
    }
    IngressExchange.Upstream up = exchange.upstream().get();
    Optional<Pod> pod = podAt(hostOf(up.endpoint()));
    Optional<HttpResponse> answer = pod.flatMap(p -> container(p, up.request().serverPort()))
        .flatMap(c -> c.serveHttp(up.request()));
    HttpResponse response = exchange.respond(answer);
    boolean proxied = answer.isPresent();
    return new HttpResult(Optional.empty(), response.status(),
        proxied ? exchange.decision().backend().map(Object::toString) : Optional.empty(), response.body(),
        proxied ? pod.map(ExternalHttp::key) : Optional.of(controllerPod));
  }

  /** kube-proxy's health-check server on a {@code healthCheckNodePort}: 200 with local endpoints, 503 without. */
  private HttpResult healthCheck(String node, int port) {
    for (KubeObject o : sim.api().list(Service.KIND, Optional.empty())) {
      Service svc = (Service) o;
      if (svc.specOrEmpty().healthCheckNodePort().orElse(0) != port) {
        continue;
      }
      String ns = svc.metadata().namespace().orElse("");
      String name = svc.metadata().nameOrEmpty();
      int local = 0;
      for (KubeObject s : sim.api().list(EndpointSlice.KIND, Optional.of(ns))) {
        EndpointSlice slice = (EndpointSlice) s;
        if (!name.equals(slice.metadata().labels().get("kubernetes.io/service-name"))) {
          continue;
        }
        for (EndpointSliceEndpoint ep : slice.endpoints()) {
          if (ep.nodeName().filter(node::equals).isPresent() && ep.conditions().flatMap(EndpointConditions::ready).orElse(true)) {
            local++;
          }
        }
      }
      String body = "{\"service\":{\"namespace\":\"" + ns + "\",\"name\":\"" + name + "\"},\"localEndpoints\":" + local
          + ",\"serviceProxyHealthy\":true}";
      return new HttpResult(Optional.empty(), local > 0 ? 200 : 503, Optional.empty(), body, Optional.empty());
    }
    return HttpResult.failed("connection refused");
  }

  /** {@code NS/NAME:PORT} of the Service port kube-proxy matched, the port by number. */
  private Optional<String> servicePortText(ServicePortName spn) {
    return sim.api().get(Service.KIND, spn.namespace(), spn.name()).map(Service.class::cast)
        .flatMap(svc -> svc.specOrEmpty().ports().stream()
            .filter(p -> p.name().orElse("").equals(spn.port()))
            .findFirst()
            .flatMap(ServicePort::port))
        .map(p -> spn.namespace() + "/" + spn.name() + ":" + p);
  }

  private Optional<Pod> podAt(String ip) {
    for (KubeObject o : sim.api().list(Pod.KIND, Optional.empty())) {
      Pod p = (Pod) o;
      if (p.status().flatMap(PodStatus::podIP).filter(ip::equals).isPresent()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The running container of the pod that serves HTTP on the port, when its node is up. */
  private Optional<RunningContainer> container(Pod pod, int port) {
    String node = pod.spec().flatMap(PodSpec::nodeName).orElse("");
    Optional<Kubelet> kubelet = sim.kubelet(node).filter(Kubelet::isRunning);
    ObjectKey key = new ObjectKey(pod.metadata().namespace().orElse(""), pod.metadata().nameOrEmpty());
    return kubelet.flatMap(k -> k.worker(key)).flatMap(w -> {
      for (String name : w.containerNames()) {
        Optional<RunningContainer> c = w.container(name).filter(x -> x.servesHttpOn(port));
        if (c.isPresent()) {
          return c;
        }
      }
      return Optional.empty();
    });
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

  private static String key(Pod p) {
    return p.metadata().namespace().orElse("") + "/" + p.metadata().nameOrEmpty();
  }

  private static String hostOf(String address) {
    int colon = address.lastIndexOf(':');
    return colon < 0 ? address : address.substring(0, colon);
  }

  private static boolean isIPv4(String host) {
    return host.toLowerCase(Locale.ROOT).matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }
}
