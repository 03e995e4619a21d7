package dev.kubesim.impl.net;

/**
 * The network between the hosts outside the cluster and the nodes, as far as it knows addresses
 * that are no host's own: the cloud's load balancers and the routes to Services' externalIPs. The
 * network asks it once per connection, for the first packet an outside host sends to an address
 * that is neither a node's nor another outside host's; the answer holds for the rest of the
 * connection and for its replies, which come back through the same element ({@link OutsideEdge}).
 */
@FunctionalInterface
public interface Gateway {
  /** Nothing outside the nodes routes into the cluster. */
  Gateway NONE = first -> GatewayRoute.unknown();

  /** Where the first packet of a connection from outside goes. */
  GatewayRoute route(Packet first);
}
