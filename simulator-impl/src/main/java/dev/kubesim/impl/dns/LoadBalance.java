package dev.kubesim.impl.dns;

import dev.kubesim.impl.dnswire.DnsRecord;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.dnswire.Rcode;
import dev.kubesim.impl.dnswire.RrType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CoreDNS's {@code loadbalance} plugin (round_robin): in a successful response, CNAMEs first, then
 * the other records in order, then the A and AAAA records shuffled, then MX shuffled, so that
 * clients taking the first address spread over a headless Service's endpoints. The shuffle draws
 * from a seeded stream instead of random message ids.
 */
final class LoadBalance {
  private final SplittableRandom random;

  LoadBalance(SplittableRandom random) {
    this.random = random;
  }

  DnsResponse apply(DnsResponse r) {
    if (r.rcode() != Rcode.NOERROR || r.question().type().equals(RrType.AXFR) || r.question().type().equals(RrType.IXFR)) {
      return r;
    }
    return new DnsResponse(r.question(), r.rcode(), roundRobin(r.answer()), roundRobin(r.authority()),
        roundRobin(r.additional()), r.authoritative(), r.recursionAvailable());
  }

  private List<DnsRecord> roundRobin(List<DnsRecord> in) {
    if (in.size() < 2) {
      return in; // nothing to reorder, and a single record draws nothing
    }
    List<DnsRecord> cname = new ArrayList<>();
    List<DnsRecord> address = new ArrayList<>();
    List<DnsRecord> mx = new ArrayList<>();
    List<DnsRecord> rest = new ArrayList<>();
    for (DnsRecord r : in) {
      switch (r.type()) {
        case RrType.CNAME -> cname.add(r);
        case RrType.A, RrType.AAAA -> address.add(r);
        case RrType.MX -> mx.add(r);
        default -> rest.add(r);
      }
    }
    shuffle(address);
    shuffle(mx);
    List<DnsRecord> out = new ArrayList<>(cname);
    out.addAll(rest);
    out.addAll(address);
    out.addAll(mx);
    return out;
  }

  /** CoreDNS's shuffle: a swap of two on an even draw, else one pass of swaps with later places. */
  private void shuffle(List<DnsRecord> records) {
    int l = records.size();
    if (l < 2) {
      return;
    }
    if (l == 2) {
      if (random.nextInt(65536) % 2 == 0) {
        records.set(0, records.set(1, records.get(0)));
      }
      return;
    }
    for (int j = 0; j < l; j++) {
      int p = j + random.nextInt(65536) % (l - j);
      if (p != j) {
        records.set(j, records.set(p, records.get(j)));
      }
    }
  }
}
