package dev.kubesim.samples.bench;

import dev.kubesim.api.DnsResponse;
import dev.kubesim.api.RunningPod;
import java.util.List;

/**
 * The DNS figures {@code dns.a.small} and {@code dns.a.large}: one A query from the client pod for
 * {@code bench.default.svc.cluster.local.}, end to end — a UDP datagram from the pod's namespace to
 * the kube-dns Service's address, kube-proxy's DNAT on the pod's node to a CoreDNS pod (and
 * conntrack's entry), the route to that pod, CoreDNS's {@code kubernetes} plugin answering from its
 * index, the reply back through conntrack's un-DNAT, the answer decoded into records — in the
 * {@link ServiceCluster} of 10 Services and in that of 10,000.
 *
 * <p>The query goes through {@link RunningPod#queryDns}, as the conformance runner's {@code dns}
 * verb sends it (the transport the pods' resolvers use), not through {@code kubectl exec ... nslookup}:
 * the exec would add the container process, the shell's parsing, reading {@code /etc/resolv.conf},
 * the search list (three queries for a short name) and the output's formatting, all of which the curl
 * figures already measure; what is measured here is the DNS exchange itself, every packet of it.
 */
public final class DnsBenchmarks {
  /** Queries per sample, so that one sample is long enough to time. */
  private static final int QUERIES = 1_000;
  private static final String NAME = "bench.default.svc.cluster.local.";

  private DnsBenchmarks() {}

  /** The figures, measured in the clusters the curl figures use. */
  static List<Benchmark> all(ServiceCluster small, ServiceCluster large) {
    return List.of(latency("dns.a.small", small), latency("dns.a.large", large));
  }

  private static Benchmark latency(String name, ServiceCluster cluster) {
    return RequestBenchmark.latency(name, cluster, QUERIES, c -> {
      RunningPod client = c.client();
      DnsResponse a = client.queryDns(NAME, "A")
          .orElseThrow(() -> new IllegalStateException("no answer to the DNS query for " + NAME));
      if (!a.rcode().equals("NOERROR") || a.answers().isEmpty() || !a.answers().get(0).data().equals(c.clusterIp())) {
        throw new IllegalStateException("wrong answer for " + NAME + ": " + a);
      }
    });
  }
}
