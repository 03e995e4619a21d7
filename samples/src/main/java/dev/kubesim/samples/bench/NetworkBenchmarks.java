package dev.kubesim.samples.bench;

import dev.kubesim.api.ExecResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The network figures, each end to end with the request's recorded trace, in a {@link
 * ServiceCluster} of 10 Services and in one of 10,000 (each with 10 endpoints, and one Ingress rule
 * per 10 Services):
 *
 * <ul>
 *   <li>{@code curl.clusterip.*}: {@code curl -s http://<ClusterIP>} from a pod — the exec, the TCP
 *       exchange through kube-proxy's rules and conntrack, the kubia server's answer; {@code
 *       curl.clusterip.nft.*} the same with kube-proxy in nftables mode;
 *   <li>{@code curl.byname}: {@code curl -s http://bench}, the name resolved first (the pod's
 *       resolver, the query to CoreDNS through kube-proxy);
 *   <li>{@code curl.lb.*}: {@code curl -s http://<LoadBalancer address>} from the host outside the
 *       cluster — the cloud's load balancer, a node's nodePort rules, masquerade, the pod;
 *   <li>{@code curl.ingress.*}: {@code curl -s -H 'Host: bench.example.com' http://<ingress address>}
 *       from outside — the controller's load balancer, nginx's routing among the Ingress rules and
 *       its own connection to a backend pod;
 *   <li>{@code dns.a.*}: {@link DnsBenchmarks one A query}; {@code curl.clusterip.alloc}: the bytes
 *       one traced ClusterIP request allocates.
 * </ul>
 */
public final class NetworkBenchmarks {
  /** Requests per sample, so that one sample is long enough to time. */
  private static final int REQUESTS = 200;

  private NetworkBenchmarks() {}

  public static List<Benchmark> all() {
    ServiceCluster small = new ServiceCluster(10);
    ServiceCluster large = new ServiceCluster(10_000);
    List<Benchmark> all = new ArrayList<>();
    all.add(RequestBenchmark.latency("curl.clusterip.small", small, REQUESTS, NetworkBenchmarks::curlClusterIp));
    all.add(RequestBenchmark.latency("curl.clusterip.large", large, REQUESTS, NetworkBenchmarks::curlClusterIp));
    all.add(RequestBenchmark.allocation("curl.clusterip.alloc", small, REQUESTS, NetworkBenchmarks::curlClusterIp));
    all.add(RequestBenchmark.latency("curl.clusterip.nft.small", new ServiceCluster(10, "nftables"), REQUESTS,
        NetworkBenchmarks::curlClusterIp));
    all.add(RequestBenchmark.latency("curl.clusterip.nft.large", new ServiceCluster(10_000, "nftables"), REQUESTS,
        NetworkBenchmarks::curlClusterIp));
    all.add(RequestBenchmark.latency("curl.byname", small, REQUESTS, NetworkBenchmarks::curlByName));
    all.add(RequestBenchmark.latency("curl.lb.small", small, REQUESTS, NetworkBenchmarks::curlLoadBalancer));
    all.add(RequestBenchmark.latency("curl.lb.large", large, REQUESTS, NetworkBenchmarks::curlLoadBalancer));
    all.add(RequestBenchmark.latency("curl.ingress.small", small, REQUESTS, NetworkBenchmarks::curlIngress));
    all.add(RequestBenchmark.latency("curl.ingress.large", large, REQUESTS, NetworkBenchmarks::curlIngress));
    all.addAll(DnsBenchmarks.all(small, large));
    return all;
  }

  /** One {@code curl -s http://<ClusterIP>} from the client pod. */
  private static void curlClusterIp(ServiceCluster cluster) {
    check(cluster.cluster().exec(ServiceCluster.CLIENT, "curl", "-s", "http://" + cluster.clusterIp()));
  }

  /** One {@code curl -s http://bench} from the client pod: the resolver and CoreDNS first. */
  private static void curlByName(ServiceCluster cluster) {
    check(cluster.cluster().exec(ServiceCluster.CLIENT, "curl", "-s", "http://bench"));
  }

  /** One {@code curl -s http://<LoadBalancer address>} from outside the cluster. */
  private static void curlLoadBalancer(ServiceCluster cluster) {
    check(cluster.cluster().external().exec("curl", "-s", "http://" + cluster.loadBalancerAddress()));
  }

  /** One request for the measured Ingress host, from outside the cluster. */
  private static void curlIngress(ServiceCluster cluster) {
    check(cluster.cluster().external().exec(
        "curl", "-s", "-H", "Host: " + ServiceCluster.INGRESS_HOST, "http://" + cluster.ingressAddress()));
  }

  private static void check(ExecResult r) {
    if (r.exitCode() != 0 || !r.stdout().startsWith("You've hit bench-")) {
      throw new IllegalStateException("the request failed: " + r);
    }
  }
}
