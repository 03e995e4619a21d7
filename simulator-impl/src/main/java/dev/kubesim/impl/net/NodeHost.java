package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A node as a network host: its addresses (eth0, InternalIP first), its pod CIDR behind the cni0
 * bridge (whose address, the CIDR's first, is the pods' gateway), its netfilter rules and its
 * conntrack table. The node is down (every packet to or through it is lost) while {@code up} says so.
 */
public final class NodeHost {
  private final String name;
  private final int internalIp;
  private final List<String> addresses;
  private final int podCidrBase;
  private final int podCidrLength;
  private final int bridgeIp;
  private final Netns netns;
  private final Conntrack conntrack = new Conntrack();
  private final HostNetworkSockets hostSockets = new HostNetworkSockets();
  private final Netfilter netfilter;
  private final BooleanSupplier up;
  private final String localPodRoute;
  private final String remotePodRoute;
  private final String podDefaultRoute;

  NodeHost(String name, List<String> addresses, Cidr podCidr, Netfilter netfilter, BooleanSupplier up) {
    this.name = Objects.requireNonNull(name, "name");
    this.addresses = List.copyOf(addresses);
    this.internalIp = Ip4.parse(addresses.get(0));
    this.podCidrBase = Ip4.base(podCidr);
    this.podCidrLength = podCidr.prefixLength();
    this.bridgeIp = podCidrBase + 1;
    this.netfilter = Objects.requireNonNull(netfilter, "netfilter");
    this.up = Objects.requireNonNull(up, "up");
    this.netns = new Netns(Netns.Kind.NODE, name, this, internalIp, ObjectRef.node(name), hostSockets);
    this.localPodRoute = podCidr + " dev cni0 proto kernel scope link src " + Ip4.format(bridgeIp);
    this.remotePodRoute = podCidr + " via " + addresses.get(0) + " dev eth0";
    this.podDefaultRoute = "default via " + Ip4.format(bridgeIp) + " dev eth0";
  }

  public String name() {
    return name;
  }

  /** The InternalIP. */
  public int internalIp() {
    return internalIp;
  }

  /** Every address of eth0, InternalIP first. */
  public List<String> addresses() {
    return addresses;
  }

  /** cni0's address: the gateway of the node's pods. */
  public int bridgeIp() {
    return bridgeIp;
  }

  public int podCidrBase() {
    return podCidrBase;
  }

  public int podCidrLength() {
    return podCidrLength;
  }

  /** The node's own network namespace. */
  public Netns netns() {
    return netns;
  }

  public Conntrack conntrack() {
    return conntrack;
  }

  public Netfilter netfilter() {
    return netfilter;
  }

  /** Whether the node is up (its packets move). */
  public boolean up() {
    return up.getAsBoolean();
  }

  /** The sockets of the node's own namespace: those of its hostNetwork pods. */
  HostNetworkSockets hostSockets() {
    return hostSockets;
  }

  /** {@code 10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1}: this node's route to its pods. */
  String localPodRoute() {
    return localPodRoute;
  }

  /** {@code 10.244.2.0/24 via 192.168.49.3 dev eth0}: the route other nodes have to this node's pods. */
  String remotePodRoute() {
    return remotePodRoute;
  }

  /** {@code default via 10.244.1.1 dev eth0}: a pod's only route out. */
  String podDefaultRoute() {
    return podDefaultRoute;
  }

  @Override
  public String toString() {
    return name;
  }
}
