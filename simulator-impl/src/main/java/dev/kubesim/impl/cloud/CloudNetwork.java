package dev.kubesim.impl.cloud;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.net.Gateway;
import dev.kubesim.impl.net.GatewayRoute;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.net.Packet;
import java.util.Optional;

/**
 * The cloud's network in front of the nodes, as the packet network sees it ({@link Gateway}): a
 * connection from outside to a load balancer address reaches that {@link LoadBalancers load
 * balancer}, which forwards it to a healthy node — to the node's address and the Service port's
 * nodePort, or, without a nodePort, to the node with the load balancer address kept — or drops it;
 * a connection to a Service's externalIP follows the router's static route ({@link
 * ExternalIpRoutes}: the first Ready node in name order). Every other address is unknown here.
 * Each decision is a hash look-up on the destination, made once per connection.
 */
public final class CloudNetwork implements Gateway {
  /** The element of a load balancer in traces. */
  static final String LOAD_BALANCER = "load balancer";
  /** The element of the router in front of the nodes in traces. */
  static final String ROUTER = "router";

  private final LoadBalancers loadBalancers;
  private final ExternalIpRoutes externalIps = new ExternalIpRoutes();

  private CloudNetwork(ApiServer api, LoadBalancers loadBalancers) {
    this.loadBalancers = loadBalancers;
    externalIps.watch(api.store());
  }

  /**
   * Starts the cloud's network of a cluster in front of its {@code loadBalancers}; call it once per
   * cluster, before the first object is stored, as the control plane's controllers are.
   */
  public static CloudNetwork start(ApiServer api, LoadBalancers loadBalancers) {
    return new CloudNetwork(api, loadBalancers);
  }

  /** The cloud's load balancers, which this network routes their addresses to. */
  public LoadBalancers loadBalancers() {
    return loadBalancers;
  }

  /**
   * Why an outside host cannot have this address, when it is the cloud's to route: a load
   * balancer's, one of the load balancer range, or a Service's externalIP.
   */
  public Optional<String> routedAddress(String address) {
    if (loadBalancers.isLoadBalancerAddress(address) || loadBalancers.inPool(address)) {
      return Optional.of(address + " is a load balancer address of the cloud");
    }
    return externalIps.serviceOf(address).map(svc -> address + " is an externalIP of " + svc);
  }

  @Override
  public GatewayRoute route(Packet first) {
    String address = Ip4.format(first.destination());
    if (loadBalancers.isLoadBalancerAddress(address)) {
      return loadBalance(first, address);
    }
    Optional<ObjectKey> service = externalIps.serviceOf(address);
    if (service.isEmpty()) {
      return GatewayRoute.unknown();
    }
    Optional<ObjectRef> object = Optional.of(ObjectRef.service(service.get().namespace(), service.get().name()));
    Optional<String> node = externalIps.node();
    if (node.isEmpty()) {
      return GatewayRoute.drop(ROUTER, object, "no Ready node to route " + address + ", the externalIP of " + service.get()
          + ", to");
    }
    return GatewayRoute.forward(ROUTER, node.get(), first.destination(), first.destinationPort(), object,
        address + " via node " + node.get() + ": the static route for the externalIP of " + service.get()
            + " (to the first Ready node)");
  }

  private GatewayRoute loadBalance(Packet first, String address) {
    LoadBalancerRoute r = loadBalancers.route(address, first.protocol().name(), first.destinationPort(),
        Ip4.format(first.source()));
    Optional<ObjectRef> object = r.service().flatMap(s -> ObjectRef.parse("service/" + s));
    if (!r.forwarded()) {
      return GatewayRoute.drop(LOAD_BALANCER, object, r.reason());
    }
    return GatewayRoute.forward(LOAD_BALANCER, r.node().get(), Ip4.parse(r.destination().get()), r.destinationPort(), object,
        r.reason());
  }
}
