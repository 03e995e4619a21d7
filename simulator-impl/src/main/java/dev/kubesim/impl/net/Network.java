package dev.kubesim.impl.net;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.impl.trace.Reason;
import dev.kubesim.impl.trace.TraceCapture;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The cluster's packet network: the nodes (each a namespace with eth0 and the cni0 bridge), the
 * pods' namespaces behind their veths, hosts outside the cluster, and the routes between them —
 * each node reaches another node's pod CIDR via that node's InternalIP, as a host-gw CNI sets up;
 * outside hosts reach the nodes' addresses, and the {@link Gateway}'s load balancers and routes.
 *
 * <p>{@link #send} walks one packet hop by hop through netfilter (kube-proxy's rules, conntrack,
 * masquerade), routing and links, recording each hop in the session's trace; the TCP, UDP and
 * ICMP clients ({@link TcpConnection}, {@link UdpExchange}, {@link IcmpEcho}) build on it. Every
 * look-up on the way is hashed: address to namespace, longest-prefix match per prefix length,
 * conntrack by 5-tuple.
 *
 * <p>Registration follows the API state: the CNI side ({@code dev.kubesim.impl.cni}) adds and
 * removes pods as their IPs appear and go. IPv4 only. Not thread-safe: it runs under the cluster's
 * lock like every engine component.
 */
public final class Network {
  private final LongSupplier clock;
  private final SplittableRandom ports;
  private final List<Cidr> clusterCidrs;
  private final List<Cidr> serviceCidrs;
  private final LinkLatency latency;
  private final TraceCapture traces = new TraceCapture();
  private final Map<String, NodeHost> nodes = new LinkedHashMap<>();
  /** Every cluster address: pod IPs to their namespace, node and bridge addresses to the node's. */
  private final Map<Integer, Netns> byAddress = new HashMap<>();
  /** Pod CIDRs to the node that has them. */
  private final PrefixTable<NodeHost> podRoutes = new PrefixTable<>();
  private final Map<Integer, Netns> outside = new HashMap<>();
  private final Map<Integer, DatagramService> datagrams = new HashMap<>();
  private final OutsideEdge edge = new OutsideEdge(this);
  private PodFirewall podFirewall = PodFirewall.NONE;
  private final Forwarder forwarder;

  /**
   * @param clock the cluster's virtual clock (nanoseconds)
   * @param ports the stream ephemeral ports are drawn from
   * @param clusterCidrs the pod network, for the CNI's masquerade of pod traffic leaving it
   * @param serviceCidrs the ClusterIP ranges, for telling a virtual IP apart in traces
   */
  public Network(LongSupplier clock, SplittableRandom ports, List<Cidr> clusterCidrs, List<Cidr> serviceCidrs,
      LinkLatency latency) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.clusterCidrs = clusterCidrs.stream().filter(Cidr::isIPv4).toList();
    this.serviceCidrs = serviceCidrs.stream().filter(Cidr::isIPv4).toList();
    this.latency = Objects.requireNonNull(latency, "latency");
    this.forwarder = new Forwarder(this);
  }

  // ---- topology --------------------------------------------------------------------------------

  /**
   * Adds a node: its namespace with eth0 (these addresses, InternalIP first) and cni0 (the pod
   * CIDR's first address), and on every node a route to its pod CIDR via its InternalIP.
   *
   * @param netfilter the node's rules (kube-proxy's)
   * @param up whether the node is up; packets to or through a node that is down are lost
   */
  public NodeHost addNode(String name, List<String> addresses, Cidr podCidr, Netfilter netfilter, BooleanSupplier up) {
    if (nodes.containsKey(name)) {
      throw new IllegalArgumentException("node " + name + " is already on the network");
    }
    NodeHost node = new NodeHost(name, addresses, podCidr, netfilter, up);
    nodes.put(name, node);
    for (String a : addresses) {
      Ip4.tryParse(a).ifPresent(ip -> byAddress.put(ip, node.netns()));
    }
    byAddress.put(node.bridgeIp(), node.netns());
    podRoutes.put(node.podCidrBase(), node.podCidrLength(), node);
    return node;
  }

  public Optional<NodeHost> node(String name) {
    return Optional.ofNullable(nodes.get(name));
  }

  /** The nodes in the order they were added. */
  public List<NodeHost> nodes() {
    return List.copyOf(nodes.values());
  }

  /**
   * Adds a pod's namespace: eth0 with its IP, the veth to its node's bridge.
   *
   * @param name {@code namespace/name}; the namespace's object is {@code pod/namespace/name}
   */
  public Netns addPod(String name, String ip, String nodeName, Sockets sockets) {
    NodeHost node = nodes.get(nodeName);
    if (node == null) {
      throw new IllegalArgumentException("no node " + nodeName + " on the network for pod " + name);
    }
    int address = Ip4.parse(ip);
    Netns ns = new Netns(Netns.Kind.POD, name, node, address, null, sockets);
    byAddress.put(address, ns);
    return ns;
  }

  /** Removes a pod's namespace, if that address still belongs to it. */
  public void removePod(String name, String ip) {
    OptionalInt address = Ip4.tryParse(ip);
    if (address.isPresent()) {
      Netns ns = byAddress.get(address.getAsInt());
      if (ns != null && ns.kind() == Netns.Kind.POD && ns.name().equals(name)) {
        byAddress.remove(address.getAsInt());
      }
    }
  }

  /** A {@code hostNetwork} pod: its listeners join the node's own namespace. */
  public void addHostNetworkPod(String name, String nodeName, Sockets sockets) {
    NodeHost node = nodes.get(nodeName);
    if (node != null) {
      node.hostSockets().add(name, sockets);
    }
  }

  public void removeHostNetworkPod(String name, String nodeName) {
    NodeHost node = nodes.get(nodeName);
    if (node != null) {
      node.hostSockets().remove(name);
    }
  }

  /**
   * A host outside the cluster at this address (made on first use, with no listeners): an external
   * client, or a server such as the upstream DNS resolver. It reaches the nodes' addresses, the
   * other outside hosts, and whatever the {@link #gateway} routes (load balancers, externalIPs).
   *
   * @throws IllegalArgumentException if the address is not IPv4 or belongs to the cluster (a node's,
   *     the pod network's or the Service range's)
   */
  public Netns outsideHost(String ip) {
    int address = Ip4.parse(ip);
    if (byAddress.containsKey(address) || inClusterNetwork(address) || serviceRange(address).isPresent()) {
      throw new IllegalArgumentException(ip + " is a cluster address, not one outside the cluster");
    }
    return outside.computeIfAbsent(address,
        a -> new Netns(Netns.Kind.EXTERNAL, "external/" + ip, null, a, ObjectRef.clusterScoped("host", ip), Sockets.NONE));
  }

  /** Gives an outside host its listeners. */
  public Netns outsideHost(String ip, Sockets sockets) {
    Netns ns = outsideHost(ip);
    ns.sockets(sockets);
    return ns;
  }

  /**
   * What lies between the outside hosts and the nodes for addresses no host has: the cloud's load
   * balancers and routes ({@link Gateway#NONE} until set). Replaces the previous one.
   */
  public void gateway(Gateway value) {
    edge.gateway(value);
  }

  OutsideEdge edge() {
    return edge;
  }

  /** The pod network's policy enforcement ({@link PodFirewall#NONE} until set). Replaces the previous one. */
  public void podFirewall(PodFirewall value) {
    podFirewall = Objects.requireNonNull(value, "value");
  }

  PodFirewall podFirewall() {
    return podFirewall;
  }

  /** The UDP program reached at this port on any pod whose container listens there (CoreDNS on 53). */
  public void serveDatagrams(int port, DatagramService service) {
    datagrams.put(port, Objects.requireNonNull(service, "service"));
  }

  public Optional<DatagramService> datagramService(int port) {
    return Optional.ofNullable(datagrams.get(port));
  }

  /** The namespace that has this address: a pod's, a node's, or an outside host's. */
  public Optional<Netns> at(String ip) {
    OptionalInt a = Ip4.tryParse(ip);
    return a.isPresent() ? Optional.ofNullable(at(a.getAsInt())) : Optional.empty();
  }

  Netns at(int address) {
    Netns ns = byAddress.get(address);
    return ns != null ? ns : outside.get(address);
  }

  Netns clusterAddress(int address) {
    return byAddress.get(address);
  }

  Netns outside(int address) {
    return outside.get(address);
  }

  NodeHost podRoute(int address) {
    return podRoutes.lookup(address);
  }

  boolean inClusterNetwork(int address) {
    for (Cidr c : clusterCidrs) {
      if (Ip4.contains(Ip4.base(c), c.prefixLength(), address)) {
        return true;
      }
    }
    return false;
  }

  /** The Service range holding an address, if it is a ClusterIP. */
  Optional<Cidr> serviceRange(int address) {
    for (Cidr c : serviceCidrs) {
      if (Ip4.contains(Ip4.base(c), c.prefixLength(), address)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  // ---- sending ---------------------------------------------------------------------------------

  /** Sends a packet from a namespace and follows it to where it ends up. */
  public Delivery send(Session session, Netns from, Packet packet) {
    return forwarder.send(session, from, packet, Reason.NONE);
  }

  /** Like {@link #send(Session, Netns, Packet)}, with the sender's reason on the first hop. */
  public Delivery send(Session session, Netns from, Packet packet, Reason reason) {
    return forwarder.send(session, from, packet, reason);
  }

  /** Like {@link #send(Session, Netns, Packet)}, with a reason already at hand (null for none). */
  public Delivery send(Session session, Netns from, Packet packet, String reason) {
    return forwarder.send(session, from, packet, Reason.of(reason));
  }

  /**
   * What a node's netfilter hooks do with a packet that opens a connection, as {@link #send} meets
   * them there, without sending it on: a packet of a connection conntrack already tracks replays
   * that connection's decision; any other meets the node's rules at nat OUTPUT when one of the
   * node's own addresses (or loopback) sent it, at nat PREROUTING otherwise.
   *
   * @throws IllegalArgumentException when no node of that name is on the network
   */
  public PacketDecision netfilterDecision(String nodeName, Packet packet) {
    NodeHost node = nodes.get(nodeName);
    if (node == null) {
      throw new IllegalArgumentException("no node " + nodeName + " on the network");
    }
    Conntrack.Match m = node.conntrack().find(packet, clock.getAsLong());
    if (m != null && !m.reply() && !m.entry().closing) {
      return m.entry().decision();
    }
    Netns sender = byAddress.get(packet.source());
    boolean local = Ip4.isLoopback(packet.source()) || sender != null && sender.kind() == Netns.Kind.NODE && sender.node() == node;
    return node.netfilter().decide(packet, local);
  }

  /** Hands data that reached a namespace to its listener, in the sender's session, and returns the listener's answer. */
  Optional<Payload> receive(Session s, Netns server, Packet packet) {
    return server.sockets().receive(s, server, packet);
  }

  /** A fresh ephemeral source port ({@code net.ipv4.ip_local_port_range} 32768-60999), seeded. */
  public int ephemeralPort() {
    draws++;
    return 32768 + ports.nextInt(60999 - 32768 + 1);
  }

  /**
   * The source port of a connection that a session opens with a port of its own ({@link
   * #probeSession}), or a fresh ephemeral one.
   */
  int sourcePort(Session s) {
    int own = s.takeSourcePort();
    return own > 0 ? own : ephemeralPort();
  }

  /** A random 16-bit identifier (a DNS query id, an echo identifier), seeded. */
  public int randomId() {
    draws++;
    return ports.nextInt(65536);
  }

  /**
   * How many ports and identifiers were drawn so far: a run that draws none opened no connection
   * and asked no question of its own (the kubelet's probes use ports of their own).
   */
  public long draws() {
    return draws;
  }

  private long draws;

  /** The cluster's current virtual instant. */
  public long now() {
    return clock.getAsLong();
  }

  /** A traced session starting now. */
  public Session session(String title) {
    return Session.traced(clock.getAsLong(), title);
  }

  /**
   * An untraced session starting now whose one connection comes from {@code sourcePort} instead of
   * a drawn ephemeral port (a kubelet probe: it leaves the cluster's port stream as it was).
   */
  public Session probeSession(int sourcePort) {
    Session s = Session.untraced(clock.getAsLong());
    s.sourcePort(sourcePort);
    return s;
  }

  /** An untraced session starting now. */
  public Session untracedSession() {
    return Session.untraced(clock.getAsLong());
  }

  public LinkLatency latency() {
    return latency;
  }

  /** Where finished traces go so that the running exec can return them. */
  public TraceCapture traces() {
    return traces;
  }
}
