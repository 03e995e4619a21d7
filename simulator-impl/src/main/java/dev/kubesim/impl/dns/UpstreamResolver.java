package dev.kubesim.impl.dns;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.kubesim.impl.dnswire.DnsNames;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.dnswire.DnsRecord;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.dnswire.Rcode;
import dev.kubesim.impl.dnswire.RrType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolver outside the cluster that the nodes' {@code /etc/resolv.conf} names, and so where
 * CoreDNS's {@code forward . /etc/resolv.conf} sends names it does not serve. It knows only the
 * cluster option {@code upstreamDns} (name to addresses) and answers like a recursive resolver:
 * {@code ra} set, not authoritative, a fixed TTL of {@value #TTL} s; a known name without records
 * of the asked type is NODATA and every other name NXDOMAIN, both with the root zone's SOA.
 */
public final class UpstreamResolver {
  /** The TTL of every upstream answer. */
  public static final long TTL = 300;
  private static final DnsRecord ROOT_SOA =
      DnsRecord.soa(".", 86400, "a.root-servers.net.", "nstld.verisign-grs.com.", 2025010100, 1800, 900, 604800, 86400);

  private final Map<String, List<String>> names;

  /** @param upstreamDns names (with or without trailing dot) to their addresses */
  public UpstreamResolver(Map<String, List<String>> upstreamDns) {
    ImmutableMap.Builder<String, List<String>> b = ImmutableMap.builder();
    upstreamDns.forEach((name, ips) -> {
      List<String> canonical = new ArrayList<>();
      for (String ip : ips) {
        canonical.add(Addresses.canonical(ip)
            .orElseThrow(() -> new IllegalArgumentException("upstreamDns: \"" + ip + "\" of " + name + " is not an IP address")));
      }
      b.put(DnsNames.lower(DnsNames.fqdn(name)), ImmutableList.copyOf(canonical));
    });
    this.names = b.buildKeepingLast();
  }

  /** The upstream's answer to a question. */
  public DnsResponse resolve(DnsQuestion q) {
    Optional<List<String>> known = Optional.ofNullable(names.get(q.lowerName()));
    if (known.isEmpty()) {
      return new DnsResponse(q, Rcode.NXDOMAIN, List.of(), List.of(ROOT_SOA), List.of(), false, true);
    }
    List<DnsRecord> answer = new ArrayList<>();
    for (String ip : known.get()) {
      boolean v4 = Addresses.isIPv4(ip);
      if ((v4 && q.type().equals(RrType.A)) || (!v4 && q.type().equals(RrType.AAAA))) {
        answer.add(DnsRecord.address(q.name(), TTL, ip));
      }
    }
    List<DnsRecord> authority = answer.isEmpty() ? List.of(ROOT_SOA) : List.of();
    return new DnsResponse(q, Rcode.NOERROR, answer, authority, List.of(), false, true);
  }
}
