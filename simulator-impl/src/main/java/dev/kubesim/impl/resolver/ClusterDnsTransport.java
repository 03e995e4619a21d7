package dev.kubesim.impl.resolver;

import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.dns.ClusterDns;
import dev.kubesim.impl.dns.DnsQuestion;
import dev.kubesim.impl.dns.DnsResponse;
import dev.kubesim.impl.dns.DnsResult;
import java.util.Optional;

/**
 * The bridge from a pod's resolver to the cluster DNS: each query is {@link ClusterDns#send} from
 * the pod's IP to the nameserver (the kube-dns Service through kube-proxy's choice of endpoint, a
 * CoreDNS pod, or the nodes' upstream resolver; anything else stays silent), without packets or a
 * trace. {@link PacketDnsTransport} is the packet path.
 */
public final class ClusterDnsTransport implements DnsTransport {
  private final ApiServer api;
  private final ClusterDns dns;

  public ClusterDnsTransport(ApiServer api, ClusterDns dns) {
    this.api = api;
    this.dns = dns;
  }

  @Override
  public Optional<DnsAnswer> query(String fromPod, String nameserver, String fqdn, String type) {
    Optional<String> podIp = podIp(fromPod);
    if (podIp.isEmpty()) {
      return Optional.empty(); // a pod without an address has no network to send from
    }
    DnsResult r = dns.send(podIp.get(), nameserver, DnsQuestion.of(fqdn, type));
    return r.response().map(ClusterDnsTransport::answer);
  }

  private static DnsAnswer answer(DnsResponse response) {
    return new DnsAnswer(response.rcode().name(), response.answer().stream()
        .map(a -> new DnsRecord(a.name(), a.type(), a.ttl(), a.data()))
        .toList());
  }

  private Optional<String> podIp(String podRef) {
    int slash = podRef.indexOf('/');
    String ns = slash < 0 ? "default" : podRef.substring(0, slash);
    String name = slash < 0 ? podRef : podRef.substring(slash + 1);
    return api.get(Pod.KIND, ns, name).map(Pod.class::cast)
        .flatMap(Pod::status).flatMap(PodStatus::podIP).filter(ip -> !ip.isEmpty());
  }
}
