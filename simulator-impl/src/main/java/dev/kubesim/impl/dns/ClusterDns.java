package dev.kubesim.impl.dns;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.dns.KubernetesIndex.AddressEntry;
import dev.kubesim.impl.dns.KubernetesIndex.PortEntry;
import dev.kubesim.impl.dns.KubernetesIndex.ServiceEntry;
import dev.kubesim.impl.dns.KubernetesIndex.SliceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The cluster DNS as a client reaches it. A query to the {@code kube-dns} Service's address goes
 * to one of the Service's ready endpoints, chosen from the seeded stream {@code dns/client} as
 * kube-proxy would, and is answered by the CoreDNS server of that pod; with no ready endpoint, or
 * when the chosen pod does not run CoreDNS on port 53, the client hears nothing and times out. A
 * query to a CoreDNS pod's own address reaches that pod's server; one to a nameserver of the nodes'
 * {@code /etc/resolv.conf} reaches the upstream resolver.
 *
 * <p>This is the stand-in for the packet path until the network carries DNS: the network should
 * deliver a UDP datagram to {@code podIp:53} through {@link #serverAt} and keep the CoreDNS logic
 * unchanged. Call from the engine's thread (under the cluster's lock).
 */
public final class ClusterDns {
  /** The image repository of CoreDNS (the add-on's image); its pods run a {@link CoreDns}. */
  public static final String COREDNS_IMAGE = "registry.k8s.io/coredns/coredns";
  /** Where the cluster DNS Service lives (kubeadm's names). */
  public static final String SERVICE_NAMESPACE = "kube-system";
  public static final String SERVICE_NAME = "kube-dns";
  static final int DNS_PORT = 53;

  private final ApiServer api;
  private final KubernetesIndex index;
  private final UpstreamResolver upstream;
  private final List<String> hostNameservers;
  private final CoreDnsPods servers;
  private final SplittableRandom clients;

  private ClusterDns(ApiServer api, ClusterOptions options) {
    this.api = api;
    this.index = KubernetesIndex.start(api);
    this.upstream = new UpstreamResolver(options.upstreamDns());
    this.hostNameservers = options.hostResolvConf().nameservers().stream()
        .map(ip -> Addresses.canonical(ip).orElse(ip)).toList();
    SplittableRandom shuffles = api.loop().random().stream("dns/loadbalance");
    this.servers = CoreDnsPods.start(api, podIps ->
        new CoreDns(index, upstream, options.clusterDomain(), podIps, api.loop().clock(), shuffles));
    this.clients = api.loop().random().stream("dns/client");
  }

  /** Starts watching the API server; the cluster DNS then follows every change. */
  public static ClusterDns start(ApiServer api, ClusterOptions options) {
    return new ClusterDns(api, options);
  }

  /**
   * A query to the cluster DNS Service from a pod, as {@code dig @10.96.0.10 NAME TYPE} in it.
   *
   * @param fromPodNsName the client pod, {@code namespace/name} (or a name in {@code default})
   * @throws dev.kubesim.api.NotFoundException when the pod does not exist
   * @throws IllegalStateException when the pod has no IP yet
   */
  public DnsResult query(String fromPodNsName, String name, String type) {
    return queryFrom(podIp(fromPodNsName), DnsQuestion.of(name, type));
  }

  /** A query to the cluster DNS Service from any address (a pod's, a node's). */
  public DnsResult queryFrom(String clientIp, DnsQuestion question) {
    return viaService(clientIp, question);
  }

  /**
   * A query sent from {@code clientIp} to the nameserver at {@code nameserverIp}, port 53 over
   * UDP: what a pod's resolver does for each nameserver of its {@code /etc/resolv.conf}. The
   * {@code kube-dns} Service's address, a CoreDNS pod's address and the nodes' upstream nameservers
   * answer; any other address times out.
   */
  public DnsResult send(String clientIp, String nameserverIp, DnsQuestion question) {
    String ns = Addresses.canonical(nameserverIp).orElse(nameserverIp);
    if (dnsService().map(s -> s.clusterIPs().contains(ns)).orElse(false)) {
      return viaService(clientIp, question);
    }
    Optional<CoreDns> pod = servers.at(ns);
    if (pod.isPresent()) {
      return DnsResult.answered(pod.get().handle(question, clientIp), servers.podAt(ns).orElseThrow().toString());
    }
    if (hostNameservers.contains(ns)) {
      return DnsResult.answered(upstream.resolve(question), "upstream " + ns);
    }
    return DnsResult.timedOut();
  }

  /** The CoreDNS server listening at a pod address, if a CoreDNS container runs there. */
  public Optional<CoreDns> serverAt(String podIp) {
    return Addresses.canonical(podIp).flatMap(servers::at);
  }

  /** The addresses of the cluster DNS Service (its ClusterIPs), empty when it does not exist. */
  public List<String> serviceIps() {
    return dnsService().map(ServiceEntry::clusterIPs).orElse(List.of());
  }

  /** The resolver outside the cluster that CoreDNS forwards to. */
  public UpstreamResolver upstream() {
    return upstream;
  }

  private Optional<ServiceEntry> dnsService() {
    return index.service(SERVICE_NAMESPACE, SERVICE_NAME);
  }

  /** What kube-proxy does with the query, then the chosen endpoint's server. */
  private DnsResult viaService(String clientIp, DnsQuestion question) {
    Optional<PortEntry> port = dnsService().flatMap(s -> s.ports().stream()
        .filter(p -> p.port() == DNS_PORT && p.protocol().equals("UDP")).findFirst());
    if (port.isEmpty()) {
      return DnsResult.timedOut();
    }
    List<Endpoint> endpoints = endpoints(port.get());
    if (endpoints.isEmpty()) {
      return DnsResult.timedOut();
    }
    Endpoint chosen = endpoints.get(clients.nextInt(endpoints.size()));
    Optional<CoreDns> server = chosen.port() == DNS_PORT ? servers.at(chosen.ip()) : Optional.empty();
    if (server.isEmpty()) {
      return DnsResult.timedOut();
    }
    String who = servers.podAt(chosen.ip()).map(ObjectKey::toString).orElse(chosen.ip());
    return DnsResult.answered(server.get().handle(question, clientIp), who);
  }

  private record Endpoint(String ip, int port) {}

  /** The ready endpoints of the DNS Service's UDP port, with the target port each slice gives. */
  private List<Endpoint> endpoints(PortEntry servicePort) {
    List<Endpoint> out = new ArrayList<>();
    for (SliceEntry slice : index.slicesOf(SERVICE_NAMESPACE, SERVICE_NAME)) {
      Optional<PortEntry> target = slice.ports().stream()
          .filter(p -> p.name().equals(servicePort.name()) && p.protocol().equals("UDP")).findFirst();
      if (target.isEmpty()) {
        continue;
      }
      for (AddressEntry a : slice.addresses()) {
        out.add(new Endpoint(a.ip(), target.get().port()));
      }
    }
    return out;
  }

  private String podIp(String podRef) {
    int slash = podRef.indexOf('/');
    String ns = slash < 0 ? "default" : podRef.substring(0, slash);
    String name = slash < 0 ? podRef : podRef.substring(slash + 1);
    Pod pod = (Pod) api.getOrThrow(Pod.KIND, ns, name);
    return pod.status().flatMap(PodStatus::podIP).filter(ip -> !ip.isEmpty())
        .orElseThrow(() -> new IllegalStateException("pod " + ns + "/" + name + " has no IP yet"));
  }
}
