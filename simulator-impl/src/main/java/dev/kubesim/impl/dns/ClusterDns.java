package dev.kubesim.impl.dns;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.dns.KubernetesIndex.ServiceEntry;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The cluster DNS: the CoreDNS servers of the pods that run the CoreDNS image (each with its own
 * cache), the {@code kube-dns} Service that fronts them, and the upstream resolver they forward to.
 * Clients reach it over the packet network only: a query is a UDP datagram to the Service's
 * address, DNAT'd by kube-proxy on the sender's node to a CoreDNS pod, whose server {@link
 * DnsDatagrams#coreDns} looks up by the datagram's destination ({@link #serverAt}); a query to a
 * node's nameserver reaches the upstream host. Call from the engine's thread (under the cluster's
 * lock).
 */
public final class ClusterDns {
  /** The image repository of CoreDNS (the add-on's image); its pods run a {@link CoreDns}. */
  public static final String COREDNS_IMAGE = "registry.k8s.io/coredns/coredns";
  /** Where the cluster DNS Service lives (kubeadm's names). */
  public static final String SERVICE_NAMESPACE = "kube-system";
  public static final String SERVICE_NAME = "kube-dns";

  private final KubernetesIndex index;
  private final UpstreamResolver upstream;
  private final CoreDnsPods servers;

  private ClusterDns(ApiServer api, ClusterOptions options) {
    this.index = KubernetesIndex.start(api);
    this.upstream = new UpstreamResolver(options.upstreamDns());
    SplittableRandom shuffles = api.loop().random().stream("dns/loadbalance");
    this.servers = CoreDnsPods.start(api, podIps ->
        new CoreDns(index, upstream, options.clusterDomain(), podIps, api.loop().clock(), shuffles));
  }

  /** Starts watching the API server; the cluster DNS then follows every change. */
  public static ClusterDns start(ApiServer api, ClusterOptions options) {
    return new ClusterDns(api, options);
  }

  /** The CoreDNS server listening at a pod address, if a CoreDNS container runs there. */
  public Optional<CoreDns> serverAt(String podIp) {
    // Addresses are kept in canonical text, which is how the network writes them: parse only another spelling.
    Optional<CoreDns> server = servers.at(podIp);
    return server.isPresent() ? server : Addresses.canonical(podIp).filter(ip -> !ip.equals(podIp)).flatMap(servers::at);
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
}
