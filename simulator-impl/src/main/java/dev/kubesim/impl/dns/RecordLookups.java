package dev.kubesim.impl.dns;

import dev.kubesim.impl.dnswire.DnsNames;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.dnswire.DnsRecord;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.dnswire.RrType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns backend entries into records, type by type, as CoreDNS's {@code plugin/backend_lookup.go}
 * does: addresses deduplicated, CNAMEs followed inside the zone or looked up upstream, SRV weights
 * shared out within a priority, PTR targets deduplicated, and the zone's SOA.
 */
final class RecordLookups {
  /** CoreDNS stops following a CNAME chain after this many links. */
  private static final int MAX_CNAME_CHAIN = 7;
  private static final long SOA_MAX_TTL = 300;

  private final KubernetesBackend backend;
  private final Function<DnsQuestion, DnsResponse> upstream;

  /**
   * @param upstream answers a question through the whole server (cache and forward included), as
   *     CoreDNS's {@code upstream} package does for CNAME targets outside the zone
   */
  RecordLookups(KubernetesBackend backend, Function<DnsQuestion, DnsResponse> upstream) {
    this.backend = backend;
    this.upstream = upstream;
  }

  /**
   * A or AAAA records (the question's type) for the name; an ExternalName's CNAME comes first,
   * followed by the target's addresses.
   */
  Found addresses(DnsQuestion q, String zone, List<DnsRecord> previous) {
    BackendLookup found = apexOr(q, zone);
    if (found.nameError()) {
      return Found.NAME_ERROR;
    }
    String family = q.type().equals(RrType.AAAA) ? RrType.AAAA : RrType.A;
    List<DnsRecord> records = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ServiceRecord s : found.entries()) {
      String what = s.hostType();
      if (what.equals(RrType.CNAME)) {
        records.addAll(followCname(q, zone, previous, s));
      } else if (what.equals(family) && seen.add(s.host())) {
        records.add(DnsRecord.address(q.name(), s.ttl(), s.host()));
      }
    }
    return Found.of(records);
  }

  private List<DnsRecord> followCname(DnsQuestion q, String zone, List<DnsRecord> previous, ServiceRecord s) {
    String target = DnsNames.fqdn(s.host());
    if (q.lowerName().equals(DnsNames.lower(target)) || previous.size() > MAX_CNAME_CHAIN) {
      return List.of();
    }
    DnsRecord cname = DnsRecord.cname(q.name(), s.ttl(), target);
    if (previous.stream().anyMatch(p -> DnsNames.lower(p.name()).equals(DnsNames.lower(cname.name()))
        && DnsNames.lower(p.data()).equals(DnsNames.lower(cname.data())))) {
      return List.of();
    }
    List<DnsRecord> out = new ArrayList<>();
    if (DnsNames.isSubdomain(zone, target)) {
      List<DnsRecord> chain = new ArrayList<>(previous);
      chain.add(cname);
      Found next = addresses(q.withName(target), zone, chain);
      if (!next.nameError() && !next.records().isEmpty()) {
        out.add(cname);
        out.addAll(next.records());
      }
      return out;
    }
    out.add(cname);
    out.addAll(upstream.apply(q.withName(target)).answer());
    return out;
  }

  /** At the zone apex CoreDNS first tries the special name {@code apex.dns.<zone>}. */
  private BackendLookup apexOr(DnsQuestion q, String zone) {
    if (q.lowerName().equals(zone)) {
      BackendLookup apex = backend.services("apex.dns." + zone, q.type(), zone);
      if (!apex.nameError()) {
        return apex;
      }
    }
    return backend.services(q.lowerName(), q.type(), zone);
  }

  /**
   * SRV records: priority 0, each weight {@code floor(100 / n)} for the n entries found (at least
   * 1), one record per target and port, the targets' addresses as additional records. A target
   * ends in the zone as the question spelled it, as CoreDNS keeps the case of the asked zone.
   */
  Found srv(DnsQuestion q, String zone, String zoneAsAsked) {
    BackendLookup found = backend.services(q.lowerName(), RrType.SRV, zone);
    if (found.nameError()) {
      return Found.NAME_ERROR;
    }
    // Computed as CoreDNS does, in floating point over every entry, before duplicates are dropped.
    double share = 100.0 / (100.0 * found.entries().size()) * 100.0;
    int weight = Math.max(1, (int) Math.floor(share));
    List<DnsRecord> records = new ArrayList<>();
    List<DnsRecord> extra = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ServiceRecord s : found.entries()) {
      String what = s.hostType();
      if (s.port() == -1 || !(what.equals(RrType.A) || what.equals(RrType.AAAA))) {
        continue;
      }
      // the target's own labels come from the objects, its zone as the question spelled it
      String target = s.domain().endsWith(zone)
          ? s.domain().substring(0, s.domain().length() - zone.length()) + zoneAsAsked
          : s.domain();
      if (seen.add(target + " port " + s.port())) {
        records.add(DnsRecord.srv(q.name(), s.ttl(), 0, weight, s.port(), target));
      }
      if (seen.add(target + " addr " + s.host())) {
        extra.add(DnsRecord.address(target, s.ttl(), s.host()));
      }
    }
    return Found.of(records, extra);
  }

  /** A CNAME record when the name is an ExternalName Service. */
  Found cname(DnsQuestion q, String zone) {
    BackendLookup found = backend.services(q.lowerName(), RrType.CNAME, zone);
    if (found.nameError()) {
      return Found.NAME_ERROR;
    }
    if (!found.entries().isEmpty() && found.entries().get(0).hostType().equals(RrType.CNAME)) {
      ServiceRecord s = found.entries().get(0);
      return Found.of(List.of(DnsRecord.cname(q.name(), s.ttl(), s.host())));
    }
    return Found.NONE;
  }

  /** The TXT records of the name ({@code dns-version} only). */
  Found txt(DnsQuestion q, String zone) {
    BackendLookup found = backend.services(q.lowerName(), RrType.TXT, zone);
    if (found.nameError()) {
      return Found.NAME_ERROR;
    }
    List<DnsRecord> records = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ServiceRecord s : found.entries()) {
      if (s.text().isPresent() && seen.add(s.text().get())) {
        records.add(DnsRecord.txt(q.name(), s.ttl(), s.text().get()));
      }
    }
    return Found.of(records);
  }

  /** PTR records of a reverse name, one per distinct target. */
  Found ptr(DnsQuestion q, String zone) {
    BackendLookup found = backend.reverse(q.lowerName(), zone);
    if (found.nameError()) {
      return Found.NAME_ERROR;
    }
    List<DnsRecord> records = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ServiceRecord s : found.entries()) {
      if (Addresses.canonical(s.host()).isEmpty() && seen.add(s.host())) {
        records.add(DnsRecord.ptr(q.name(), s.ttl(), s.host()));
      }
    }
    return Found.of(records);
  }

  /** NS records of the zone apex: the DNS Service's name, its address as additional record. */
  Found ns(DnsQuestion q, String zone) {
    BackendLookup found = backend.services("ns.dns." + zone, RrType.NS, zone);
    List<DnsRecord> records = new ArrayList<>();
    List<DnsRecord> extra = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ServiceRecord s : found.entries()) {
      extra.add(DnsRecord.address(s.domain(), s.ttl(), s.host()));
      if (seen.add(s.domain())) {
        records.add(DnsRecord.ns(q.name(), s.ttl(), s.domain()));
      }
    }
    return Found.of(records, extra);
  }

  /** The zone's SOA as CoreDNS makes it: TTL and minimum the plugin's TTL (at most 300 s). */
  DnsRecord soa(String zoneAsAsked) {
    long minTtl = backend.ttl();
    return DnsRecord.soa(zoneAsAsked, Math.min(SOA_MAX_TTL, minTtl), DnsNames.join("ns.dns", zoneAsAsked),
        DnsNames.join("hostmaster", zoneAsAsked), backend.serial(), 7200, 1800, 86400, minTtl);
  }
}
