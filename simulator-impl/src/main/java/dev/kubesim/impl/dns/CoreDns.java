package dev.kubesim.impl.dns;

import dev.kubesim.impl.dnswire.DnsNames;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.sim.VirtualClock;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One CoreDNS server, the process of one CoreDNS pod, running kubesim's Corefile:
 *
 * <pre>
 * .:53 {
 *     kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa; ttl 30 }
 *     forward . /etc/resolv.conf
 *     cache 30 { disable success cluster.local; disable denial cluster.local }
 *     loadbalance
 * }
 * </pre>
 *
 * A question passes the plugins in CoreDNS's fixed order: loadbalance, cache, kubernetes, forward.
 * How the question arrived (a pod's UDP packet through kube-proxy, a test) does not matter here.
 * Not thread-safe: the engine's one thread calls it.
 */
public final class CoreDns {
  /** The Corefile's {@code ttl 30}. */
  public static final long TTL = 30;

  private final KubernetesPlugin kubernetes;
  private final UpstreamResolver forward;
  private final ResponseCache cache;
  private final LoadBalance loadBalance;

  /**
   * @param podIps the addresses of the pod this server runs in (its own NS records name them)
   * @param random the stream {@code loadbalance} shuffles with
   */
  public CoreDns(KubernetesIndex index, UpstreamResolver forward, String clusterDomain, List<String> podIps,
      VirtualClock clock, SplittableRandom random) {
    String zone = DnsNames.lower(DnsNames.fqdn(clusterDomain));
    KubernetesBackend backend = new KubernetesBackend(index, zone, TTL, podIps);
    this.kubernetes = new KubernetesPlugin(zone, backend, this::serve);
    this.forward = Objects.requireNonNull(forward, "forward");
    this.cache = new ResponseCache(clock, zone);
    this.loadBalance = new LoadBalance(random);
  }

  /**
   * Answers one question from a client.
   *
   * @param clientIp the source address of the query (no plugin of this Corefile decides on it)
   */
  public DnsResponse handle(DnsQuestion question, String clientIp) {
    return serve(question);
  }

  /** The whole chain; CoreDNS's upstream lookups for CNAME targets come back through here. */
  private DnsResponse serve(DnsQuestion q) {
    return loadBalance.apply(cache.serve(q, this::resolve));
  }

  private DnsResponse resolve(DnsQuestion q) {
    return kubernetes.serve(q).orElseGet(() -> forward.resolve(q));
  }
}
