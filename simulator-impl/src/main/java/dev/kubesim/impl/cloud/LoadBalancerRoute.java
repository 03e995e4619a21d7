package dev.kubesim.impl.cloud;

import java.util.Objects;
import java.util.Optional;

/**
 * What the cloud load balancer in front of a LoadBalancer Service does with a new connection: it
 * forwards it to one node — to the Service port's nodePort on the node's address, or, for a Service
 * with {@code allocateLoadBalancerNodePorts: false}, to the load balancer address itself, which
 * kube-proxy on the node captures — or it drops it, for the reason given.
 *
 * @param loadBalancer the address and port the client connected to, {@code ip:port}
 * @param service the Service behind the load balancer, {@code NS/NAME}, when one has that address
 * @param node the chosen node's name, when forwarded
 * @param destination the address the packet is sent to on the node, when forwarded
 * @param destinationPort the port it is sent to, when forwarded (0 otherwise)
 * @param candidates how many nodes passed the health check (the ones chosen among)
 * @param reason one line for people: why this node, or why nothing
 */
public record LoadBalancerRoute(
    String loadBalancer,
    Optional<String> service,
    Optional<String> node,
    Optional<String> destination,
    int destinationPort,
    int candidates,
    String reason) {
  public LoadBalancerRoute {
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether the connection goes on to a node. */
  public boolean forwarded() {
    return node.isPresent();
  }

  /** {@code ip:port} on the chosen node, when forwarded. */
  public Optional<String> target() {
    return destination.map(d -> d + ":" + destinationPort);
  }

  static LoadBalancerRoute dropped(String loadBalancer, Optional<String> service, int candidates, String reason) {
    return new LoadBalancerRoute(loadBalancer, service, Optional.empty(), Optional.empty(), 0, candidates, reason);
  }

  @Override
  public String toString() {
    return reason;
  }
}
