package dev.kubesim.impl.dns;

import dev.kubesim.impl.dnswire.DnsNames;
import dev.kubesim.impl.dnswire.DnsQuestion;
import dev.kubesim.impl.dnswire.DnsRecord;
import dev.kubesim.impl.dnswire.DnsResponse;
import dev.kubesim.impl.sim.VirtualClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * CoreDNS's {@code cache} plugin as kubeadm configures it: {@code cache 30 { disable success
 * <domain>; disable denial <domain> }}. Answers for names outside the cluster domain are kept for
 * their TTL capped to 30 s (at least 5 s; SERVFAIL 5 s) in virtual time, keyed by name and type;
 * a hit is answered with the remaining TTL and {@code aa} set, as CoreDNS does. Each CoreDNS pod
 * has its own cache.
 *
 * <p>Answers in the cluster domain pass through untouched, so a changed Service is visible to the
 * very next query. (Real CoreDNS still caps their TTLs to 30 s on the way out, which only shows
 * for {@code dns-version}; kubesim keeps the specification's 28800 there.)
 */
final class ResponseCache {
  static final long MAX_TTL = 30;
  static final long MIN_TTL = 5;
  static final long SERVFAIL_TTL = 5;
  /** CoreDNS's default capacity (256 shards of 39 entries). */
  static final int CAPACITY = 9984;

  private final VirtualClock clock;
  private final String exceptZone;
  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > CAPACITY;
    }
  };

  private record Entry(DnsResponse response, long storedNanos, long ttl) {
    long remaining(long nowNanos) {
      return ttl - (nowNanos - storedNanos) / 1_000_000_000L;
    }
  }

  ResponseCache(VirtualClock clock, String clusterZone) {
    this.clock = clock;
    this.exceptZone = DnsNames.fqdn(clusterZone);
  }

  /** The cached answer, or {@code next}'s answer (stored when it may be). */
  DnsResponse serve(DnsQuestion q, Function<DnsQuestion, DnsResponse> next) {
    if (DnsNames.isSubdomain(exceptZone, q.name())) {
      return next.apply(q);
    }
    String key = q.lowerName() + " " + q.type();
    long now = clock.nanos();
    Entry hit = entries.get(key);
    if (hit != null) {
      long left = hit.remaining(now);
      if (left > 0) {
        return hit.response().withTtl(left).withFlags(true, hit.response().recursionAvailable());
      }
      entries.remove(key);
    }
    DnsResponse fresh = next.apply(q);
    long ttl = duration(fresh);
    if (ttl <= 0) {
      return fresh;
    }
    entries.put(key, new Entry(fresh, now, ttl));
    return fresh.withTtl(ttl);
  }

  /** How long a response is kept, 0 for responses never cached (REFUSED, NOTIMP, FORMERR). */
  private static long duration(DnsResponse r) {
    switch (r.rcode()) {
      case NOERROR, NXDOMAIN -> {
        long ttl = minimalTtl(r);
        return Math.min(MAX_TTL, Math.max(MIN_TTL, ttl));
      }
      case SERVFAIL -> {
        return SERVFAIL_TTL;
      }
      default -> {
        return 0;
      }
    }
  }

  /** The smallest TTL of the message; an SOA counts with its negative TTL; an empty message 5 s. */
  private static long minimalTtl(DnsResponse r) {
    if (r.answer().isEmpty() && r.authority().isEmpty() && r.additional().isEmpty()) {
      return MIN_TTL;
    }
    long min = Long.MAX_VALUE;
    for (List<DnsRecord> section : List.of(r.answer(), r.authority(), r.additional())) {
      for (DnsRecord rec : section) {
        min = Math.min(min, rec.negativeTtl());
      }
    }
    return min;
  }
}
