package dev.kubesim.impl.dns;

import dev.kubesim.impl.dnswire.DnsNames;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.dnswire.Rcode;
import dev.kubesim.impl.dnswire.RrType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code kubernetes} plugin's handler (CoreDNS {@code plugin/kubernetes/handler.go}) as
 * kubeadm configures it: {@code kubernetes <domain> in-addr.arpa ip6.arpa { pods insecure;
 * fallthrough in-addr.arpa ip6.arpa; ttl 30 }}. It answers every name in its zones, with {@code
 * aa} set and the zone's SOA in negative answers, except that a name error in a reverse zone falls
 * through to the next plugin (forward).
 */
final class KubernetesPlugin {
  private final List<String> zones;
  private final List<String> fallthrough;
  private final RecordLookups lookups;

  /**
   * @param clusterZone the cluster domain, fully qualified
   * @param upstream the whole server, for CNAME targets outside the zone
   */
  KubernetesPlugin(String clusterZone, KubernetesBackend backend, Function<DnsQuestion, DnsResponse> upstream) {
    String zone = DnsNames.lower(DnsNames.fqdn(clusterZone));
    this.zones = List.of(zone, Addresses.IN_ADDR_ARPA, Addresses.IP6_ARPA);
    this.fallthrough = List.of(Addresses.IN_ADDR_ARPA, Addresses.IP6_ARPA);
    this.lookups = new RecordLookups(backend, upstream);
  }

  /** The response to a question in the plugin's zones; empty for any other name (the next plugin's). */
  Optional<DnsResponse> serve(DnsQuestion q) {
    String name = q.lowerName();
    Optional<String> matched = DnsNames.matchZone(zones, name);
    if (matched.isEmpty()) {
      return Optional.empty();
    }
    String zone = matched.get();
    String zoneAsAsked = q.name().substring(q.name().length() - zone.length());
    Found found;
    switch (q.type()) {
      case RrType.AXFR, RrType.IXFR -> {
        return Optional.of(DnsResponse.error(q, Rcode.REFUSED));
      }
      case RrType.A, RrType.AAAA -> found = lookups.addresses(q, zone, List.of());
      case RrType.TXT -> found = lookups.txt(q, zone);
      case RrType.CNAME -> found = lookups.cname(q, zone);
      case RrType.PTR -> found = lookups.ptr(q, zone);
      case RrType.SRV -> found = lookups.srv(q, zone, zoneAsAsked);
      case RrType.SOA -> found = name.equals(zone) ? Found.of(List.of(lookups.soa(zoneAsAsked))) : Found.NONE;
      case RrType.NS -> found = name.equals(zone) ? lookups.ns(q, zone) : existence(q, zone);
      // MX needs records the plugin never has; like any other type it tells NXDOMAIN from NODATA by an A lookup.
      default -> found = existence(q, zone);
    }
    if (found.nameError()) {
      if (fallthrough.stream().anyMatch(z -> DnsNames.isSubdomain(z, name))) {
        return Optional.empty();
      }
      return Optional.of(negative(q, Rcode.NXDOMAIN, zoneAsAsked));
    }
    if (found.records().isEmpty()) {
      return Optional.of(negative(q, Rcode.NOERROR, zoneAsAsked));
    }
    return Optional.of(new DnsResponse(q, Rcode.NOERROR, found.records(), List.of(), found.extra(), true, false));
  }

  private Found existence(DnsQuestion q, String zone) {
    Found a = lookups.addresses(q.withType(RrType.A), zone, List.of());
    return a.nameError() ? Found.NAME_ERROR : Found.NONE;
  }

  private DnsResponse negative(DnsQuestion q, Rcode rcode, String zoneAsAsked) {
    return new DnsResponse(q, rcode, List.of(), List.of(lookups.soa(zoneAsAsked)), List.of(), true, false);
  }
}
