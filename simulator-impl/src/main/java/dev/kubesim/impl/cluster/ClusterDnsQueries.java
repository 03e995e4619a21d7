package dev.kubesim.impl.cluster;

import dev.kubesim.api.DnsRecord;
import dev.kubesim.api.DnsResponse;
import dev.kubesim.impl.net.Ip4;
import dev.kubesim.impl.resolver.DnsAnswer;
import java.util.Optional;

/** What the public DNS queries share: the cluster DNS Service's address, and answers as the API's records. */
final class ClusterDnsQueries {
  private ClusterDnsQueries() {}

  /** The kube-dns Service's first IPv4 address, if the Service exists. */
  static Optional<String> clusterDnsAddress(SimCluster cluster) {
    return cluster.dns().serviceIps().stream().filter(Ip4::isValid).findFirst();
  }

  /** An answer as the API's response. */
  static DnsResponse response(DnsAnswer a) {
    return new DnsResponse(a.rcode(), a.answers().stream()
        .map(r -> new DnsRecord(r.name(), r.type(), r.ttl(), r.data()))
        .toList());
  }
}
