package dev.kubesim.impl.cloud;

import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.SplittableRandom;

/**
 * The simulated cloud's load balancers: one per LoadBalancer Service, at the address its {@link
 * ServiceLoadBalancerController service controller} provisioned, forwarding each new connection to
 * one node that passes the load balancer's health check — every node that is up for {@code
 * externalTrafficPolicy: Cluster}, only nodes with a ready local endpoint (kube-proxy's answer on
 * the {@code healthCheckNodePort}) for {@code Local} — on the Service port's nodePort, after
 * checking {@code loadBalancerSourceRanges}. The node is drawn from the seeded stream {@code
 * cloud/lb}.
 *
 * <p>One instance per cluster, made by {@link #start} before any object exists; a packet-level
 * network asks {@link #route} for the first packet of each connection sent to a load balancer
 * address. Not thread-safe: it runs under the cluster's lock like every engine component.
 */
public final class LoadBalancers {
  /** The annotation that older clusters used for source ranges; the spec field wins when set. */
  static final String SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";

  private final ApiServer api;
  private final LoadBalancerPool pool = LoadBalancerPool.defaults();
  private final ServiceLoadBalancerController controller;
  private final CloudNodes nodes = new CloudNodes();
  private final LocalEndpointNodes localEndpoints = new LocalEndpointNodes();
  private final SplittableRandom random;

  private LoadBalancers(ApiServer api) {
    this.api = api;
    this.controller = new ServiceLoadBalancerController(api, pool);
    this.random = api.loop().random().stream("cloud/lb");
    nodes.watch(api.store());
    localEndpoints.watch(api.store());
    controller.watch(api.store());
  }

  /**
   * Starts the cloud of a cluster (its service controller and load balancers); call it once per
   * cluster, before the first object is stored, as the control plane's other controllers are, and
   * hand the result to the {@link CloudNetwork} in front of the nodes.
   */
  public static LoadBalancers start(ApiServer api) {
    return new LoadBalancers(api);
  }

  /** The Service whose load balancer has this address, {@code NS/NAME}, once provisioned. */
  public Optional<String> serviceAt(String address) {
    return controller.serviceAt(address).map(ObjectKey::toString);
  }

  /** Whether a load balancer has this address: the network routes it to the cloud. */
  public boolean isLoadBalancerAddress(String address) {
    return controller.serviceAt(address).isPresent();
  }

  /** Whether the address lies in the range the cloud hands load balancers. */
  public boolean inPool(String address) {
    return pool.inRange(address);
  }

  /** The address provisioned for a Service, if any. */
  public Optional<String> addressOf(String namespace, String name) {
    return controller.addressOf(new ObjectKey(namespace, name));
  }

  /** {@link #route(String, String, int, String)} for TCP. */
  public LoadBalancerRoute route(String address, int port, String clientIp) {
    return route(address, "TCP", port, clientIp);
  }

  /**
   * Where the load balancer at {@code address} sends a new connection from {@code clientIp} to
   * {@code port}: a node and the address and port on it, or a drop with its reason (an address
   * nobody has, a port without listener, a client outside the source ranges, no healthy node).
   */
  public LoadBalancerRoute route(String address, String protocol, int port, String clientIp) {
    String at = address + ":" + port;
    Optional<ObjectKey> key = controller.serviceAt(address);
    Optional<Service> svc = key.flatMap(k -> api.get(Service.KIND, k.namespace(), k.name())).map(Service.class::cast);
    if (svc.isEmpty()) {
      return LoadBalancerRoute.dropped(at, Optional.empty(), 0, "no load balancer has the address " + address);
    }
    Optional<String> name = key.map(ObjectKey::toString);
    ServiceSpec spec = svc.get().specOrEmpty();
    Optional<ServicePort> servicePort = spec.ports().stream()
        .filter(p -> p.port().orElse(0) == port && p.protocol().orElse("TCP").equalsIgnoreCase(protocol))
        .findFirst();
    if (servicePort.isEmpty()) {
      return LoadBalancerRoute.dropped(at, name, 0,
          "load balancer of " + name.get() + " has no listener on " + protocol.toUpperCase() + "/" + port);
    }
    List<String> ranges = sourceRanges(svc.get());
    if (!ranges.isEmpty() && ranges.stream().noneMatch(r -> Cidr.tryParse(r).map(c -> c.contains(clientIp)).orElse(false))) {
      return LoadBalancerRoute.dropped(at, name, 0, "load balancer of " + name.get() + ": client " + clientIp
          + " is not in loadBalancerSourceRanges " + String.join(",", ranges));
    }
    boolean local = spec.externalTrafficPolicy().filter("Local"::equals).isPresent();
    List<CloudNodes.Target> healthy = healthyNodes(key.get(), local);
    String check = local
        ? "externalTrafficPolicy Local, health check nodePort " + spec.healthCheckNodePort().map(String::valueOf).orElse("?")
        : "externalTrafficPolicy Cluster";
    if (healthy.isEmpty()) {
      return LoadBalancerRoute.dropped(at, name, 0, "load balancer of " + name.get() + ": no node passes the health check ("
          + check + ")");
    }
    CloudNodes.Target node = healthy.size() == 1 ? healthy.get(0) : healthy.get(random.nextInt(healthy.size()));
    Optional<Integer> nodePort = servicePort.get().nodePort().filter(p -> p != 0);
    // Without nodePorts the load balancer delivers to the node with the VIP as destination (as
    // GCE and MetalLB do), and kube-proxy's rules for the load balancer IP take the packet.
    String destination = nodePort.isPresent() ? node.address() : address;
    int destinationPort = nodePort.orElse(port);
    String reason = "load balancer " + at + " (" + name.get() + ") -> " + node.name() + " " + destination + ":" + destinationPort
        + " (" + check + ": " + healthy.size() + " of " + nodes.all().size() + " nodes healthy)";
    return new LoadBalancerRoute(at, name, Optional.of(node.name()), Optional.of(destination), destinationPort,
        healthy.size(), reason);
  }

  private List<CloudNodes.Target> healthyNodes(ObjectKey service, boolean local) {
    if (!local) {
      return nodes.up();
    }
    List<CloudNodes.Target> out = new ArrayList<>();
    SortedSet<String> withEndpoints = localEndpoints.nodesOf(service);
    for (String n : withEndpoints) {
      nodes.get(n).filter(CloudNodes.Target::up).ifPresent(out::add);
    }
    return out;
  }

  /** {@code GetLoadBalancerSourceRanges}: the spec field, else the old annotation, else everyone. */
  private static List<String> sourceRanges(Service svc) {
    List<String> spec = svc.specOrEmpty().loadBalancerSourceRanges();
    if (!spec.isEmpty()) {
      return spec.stream().map(String::trim).toList();
    }
    String annotation = svc.metadata().annotations().getOrDefault(SOURCE_RANGES_ANNOTATION, "").trim();
    if (annotation.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String r : annotation.split(",")) {
      if (!r.trim().isEmpty()) {
        out.add(r.trim());
      }
    }
    return out;
  }
}
