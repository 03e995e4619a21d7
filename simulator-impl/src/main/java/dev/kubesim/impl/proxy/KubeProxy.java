package dev.kubesim.impl.proxy;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.KubeProxyOptions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeAddress;
import dev.kubesim.api.model.NodeStatus;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Netfilter;
import dev.kubesim.impl.net.Packet;
import dev.kubesim.impl.net.PacketDecision;
import dev.kubesim.impl.net.ServicePortName;
import dev.kubesim.impl.net.Sockets;
import dev.kubesim.impl.sim.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kube-proxy on one node: watches Services, EndpointSlices and its Node, and keeps its mode's rules
 * in step, rewriting only the Services changes touched (kube-proxy's partial sync). As kube-proxy's
 * change trackers do, it collects the Services touched by watch events and syncs them together in
 * one run scheduled at the instant of the first change: a Service and its EndpointSlice written in
 * one step cost one rewrite, and the rules are current whenever the cluster has settled.
 *
 * <p>It is the node's {@link Netfilter}: the network asks {@link #decide} at the node's hooks for
 * the first packet of each connection; the decision's backend and masquerade flag are what
 * conntrack records to rewrite the rest of the connection and un-NAT its replies.
 *
 * <p>Not thread-safe: like every engine component it runs under the cluster's lock.
 */
public final class KubeProxy implements Netfilter {
  private final String nodeName;
  private final List<String> configuredAddresses;
  private final EndpointSliceCache slices;
  private final Map<ObjectKey, Service> services = new HashMap<>();
  private final ProxyMode mode;
  private final EventLoop loop;
  private final ServicePortInfoCache portInfos;
  private final ServiceHealthServer healthServer;
  private final String syncName;
  /** Services changed since the last sync, in the order of their first change. */
  private final Set<ObjectKey> pending = new LinkedHashSet<>();
  private ProxierConfig config;

  private KubeProxy(ApiServer api, ServicePortInfoCache portInfos, String nodeName, List<String> nodeAddresses,
      List<Cidr> clusterCidrs, List<Cidr> serviceCidrs, KubeProxyOptions options) {
    if (nodeAddresses.isEmpty()) {
      throw new IllegalArgumentException("node " + nodeName + " needs at least one address for kube-proxy");
    }
    this.nodeName = nodeName;
    this.loop = api.loop();
    this.portInfos = portInfos;
    this.healthServer = new ServiceHealthServer(api.loop().clock()::instant);
    this.syncName = "kube-proxy " + nodeName + " sync";
    this.configuredAddresses = ImmutableList.copyOf(nodeAddresses);
    this.slices = new EndpointSliceCache(nodeName);
    this.config = ProxierConfig.of(nodeName, nodeAddresses, clusterCidrs, options);
    java.util.SplittableRandom random = api.loop().random().stream("kube-proxy/" + nodeName);
    this.mode = switch (options.mode()) {
      case "iptables" -> new IptablesProxier(config, random, api.loop().clock()::nanos);
      case "nftables" -> new NftablesProxier(config, serviceCidrs, random, api.loop().clock()::nanos);
      default -> new UnsupportedProxyMode(options.mode());
    };
  }

  /**
   * Starts kube-proxy on a node: it programs what the store already holds, then follows every change.
   *
   * @param dependencies what the kube-proxies of the cluster share: its API server, the Node watch
   * @param nodeAddresses every address local to the node, the InternalIP first
   * @param clusterCidrs the pod network ({@code --cluster-cidr}), for telling pod traffic apart
   */
  public static KubeProxy start(KubeProxyDependencies dependencies, String nodeName, List<String> nodeAddresses,
      List<Cidr> clusterCidrs, KubeProxyOptions options) {
    ApiServer api = dependencies.api();
    KubeProxy proxy = new KubeProxy(api, dependencies.portInfos(), nodeName, nodeAddresses, clusterCidrs,
        dependencies.serviceCidrs(), options);
    ObjectStore store = api.store();
    dependencies.nodes().add(proxy);
    store.watch(Service.KIND, proxy::onService);
    store.watch(EndpointSlice.KIND, proxy::onEndpointSlice);
    api.get(Node.KIND, "", nodeName).ifPresent(n -> proxy.nodeChanged((Node) n));
    for (KubeObject o : api.list(EndpointSlice.KIND, Optional.empty())) {
      EndpointSlice slice = (EndpointSlice) o;
      EndpointSliceCache.serviceOf(slice).ifPresent(svc -> proxy.slices.put(svc, slice));
    }
    for (KubeObject o : api.list(Service.KIND, Optional.empty())) {
      ObjectKey key = ObjectStore.keyOf(o);
      proxy.services.put(key, (Service) o);
      proxy.sync(key);
    }
    return proxy;
  }

  public String nodeName() {
    return nodeName;
  }

  /** The mode doing the work ({@code iptables}, ...). */
  public ProxyMode mode() {
    return mode;
  }

  /** The node's addresses and kube-proxy's flags as currently in force. */
  public ProxierConfig config() {
    return config;
  }

  /** Whether a packet from this address is the node's own (nat OUTPUT) rather than one it received (nat PREROUTING). */
  public boolean isLocalAddress(int address) {
    return config.isLocal(address);
  }

  /** What this node's rules do with the first packet of a new connection. */
  @Override
  public PacketDecision decide(Packet packet, boolean locallyGenerated) {
    return mode.decide(packet, locallyGenerated);
  }

  /**
   * The listeners of kube-proxy's service health server on the node's addresses: one per
   * {@code healthCheckNodePort}, answering how many ready endpoints of its Service run here.
   */
  public Sockets healthServer() {
    return healthServer;
  }

  /** This node's rules as {@code iptables-save} prints them: empty in another mode, which writes none. */
  public String iptablesSave() {
    return mode.name().equals("iptables") ? mode.dump() : "";
  }

  /** This node's {@code ip kube-proxy} table as {@code nft list ruleset} prints it: empty in another mode. */
  public String nftListRuleset() {
    return mode.name().equals("nftables") ? mode.dump() : "";
  }

  private void onService(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    if (e.type() == WatchEvent.Type.DELETED) {
      services.remove(key);
    } else {
      services.put(key, (Service) e.object());
    }
    changed(key);
  }

  private void onEndpointSlice(WatchEvent e) {
    Set<ObjectKey> touched = new LinkedHashSet<>();
    e.previous().map(EndpointSlice.class::cast).ifPresent(old -> EndpointSliceCache.serviceOf(old).ifPresent(svc -> {
      slices.remove(svc, old.metadata().nameOrEmpty());
      touched.add(svc);
    }));
    EndpointSlice slice = (EndpointSlice) e.object();
    if (e.type() != WatchEvent.Type.DELETED) {
      EndpointSliceCache.serviceOf(slice).ifPresent(svc -> {
        slices.put(svc, slice);
        touched.add(svc);
      });
    }
    touched.forEach(this::changed);
  }

  /** A change of this kube-proxy's own Node (handed over by {@link KubeProxyNodes}). */
  void onNode(WatchEvent e) {
    if (e.type() != WatchEvent.Type.DELETED && e.object().metadata().nameOrEmpty().equals(nodeName)) {
      nodeChanged((Node) e.object());
    }
  }

  /** The Node's InternalIP becomes kube-proxy's node IP; its reported addresses are local too. */
  private void nodeChanged(Node node) {
    List<String> reported = new ArrayList<>();
    Optional<String> internalIP = Optional.empty();
    for (NodeAddress a : node.status().map(NodeStatus::addresses).orElse(List.of())) {
      String type = a.type().orElse("");
      if ((type.equals("InternalIP") || type.equals("ExternalIP")) && a.address().isPresent()
          && ServicePortInfos.isIPv4(a.address().get())) {
        reported.add(ServicePortInfos.canonical(a.address().get()));
        if (type.equals("InternalIP") && internalIP.isEmpty()) {
          internalIP = a.address().map(ServicePortInfos::canonical);
        }
      }
    }
    String nodeIP = internalIP.orElse(configuredAddresses.get(0));
    List<String> addresses = new ArrayList<>(new LinkedHashSet<>(concat(List.of(nodeIP), configuredAddresses, reported)));
    if (nodeIP.equals(config.nodeIP()) && addresses.equals(config.nodeAddresses())) {
      return;
    }
    config = config.withNode(nodeIP, addresses);
    mode.syncNode(config);
  }

  /** Marks a Service for the next sync, scheduling one if none is pending. */
  private void changed(ObjectKey service) {
    if (pending.isEmpty()) {
      loop.schedule(syncName, this::syncPending);
    }
    pending.add(service);
  }

  private void syncPending() {
    List<ObjectKey> batch = new ArrayList<>(pending);
    pending.clear();
    batch.forEach(this::sync);
  }

  private void sync(ObjectKey service) {
    Service svc = services.get(service);
    List<ServicePortInfo> ports = portInfos.ports(service, svc);
    Map<ServicePortName, List<EndpointInfo>> endpoints = ports.isEmpty() ? Map.of() : slices.endpointsOf(service);
    mode.syncService(service, ports, endpoints);
    healthServer.sync(service, ports, endpoints);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return out;
  }
}
