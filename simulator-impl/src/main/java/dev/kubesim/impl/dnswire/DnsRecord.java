package dev.kubesim.impl.dnswire;

import java.util.Locale;
import java.util.Objects;

/**
 * One resource record (class IN) with its data written as in a zone file: an address for A/AAAA,
 * {@code priority weight port target} for SRV, the target name for CNAME/PTR/NS, the text for TXT
 * (unquoted), {@code mname rname serial refresh retry expire minimum} for SOA.
 *
 * @param name the owner name, fully qualified
 * @param type the type mnemonic
 * @param ttl seconds
 * @param data the record data
 */
public record DnsRecord(String name, String type, long ttl, String data) {
  public DnsRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    name = DnsNames.fqdn(name);
    type = type.toUpperCase(Locale.ROOT);
    if (ttl < 0) {
      throw new IllegalArgumentException("negative TTL " + ttl + " for " + name);
    }
  }

  public static DnsRecord a(String name, long ttl, String ip) {
    return new DnsRecord(name, RrType.A, ttl, ip);
  }

  public static DnsRecord aaaa(String name, long ttl, String ip) {
    return new DnsRecord(name, RrType.AAAA, ttl, ip);
  }

  /** An A or AAAA record, by the address's family. */
  public static DnsRecord address(String name, long ttl, String ip) {
    return ip.contains(":") ? aaaa(name, ttl, ip) : a(name, ttl, ip);
  }

  public static DnsRecord cname(String name, long ttl, String target) {
    return new DnsRecord(name, RrType.CNAME, ttl, DnsNames.fqdn(target));
  }

  public static DnsRecord ptr(String name, long ttl, String target) {
    return new DnsRecord(name, RrType.PTR, ttl, DnsNames.fqdn(target));
  }

  public static DnsRecord ns(String name, long ttl, String target) {
    return new DnsRecord(name, RrType.NS, ttl, DnsNames.fqdn(target));
  }

  public static DnsRecord txt(String name, long ttl, String text) {
    return new DnsRecord(name, RrType.TXT, ttl, text);
  }

  public static DnsRecord srv(String name, long ttl, int priority, int weight, int port, String target) {
    return new DnsRecord(name, RrType.SRV, ttl, priority + " " + weight + " " + port + " " + DnsNames.fqdn(target));
  }

  public static DnsRecord soa(String zone, long ttl, String mname, String rname, long serial, long refresh, long retry,
      long expire, long minimum) {
    return new DnsRecord(zone, RrType.SOA, ttl, DnsNames.fqdn(mname) + " " + DnsNames.fqdn(rname) + " " + serial + " "
        + refresh + " " + retry + " " + expire + " " + minimum);
  }

  public DnsRecord withTtl(long value) {
    return new DnsRecord(name, type, value, data);
  }

  /**
   * For SOA: the negative-caching TTL (RFC 2308), the smaller of the record's TTL and its minimum
   * field; for any other record its TTL.
   */
  public long negativeTtl() {
    if (!type.equals(RrType.SOA)) {
      return ttl;
    }
    String[] fields = data.split(" ");
    return Math.min(ttl, Long.parseLong(fields[fields.length - 1]));
  }

  @Override
  public String toString() {
    return name + " " + ttl + " IN " + type + " " + data;
  }
}
