package dev.kubesim.impl.proxy;

import com.google.common.net.InetAddresses;
import dev.kubesim.impl.net.Cidr;
import dev.kubesim.impl.net.Ip4;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@code -s}/{@code -d} match: an address or CIDR, possibly negated with {@code !}. IPv4
 * prefixes are kept as (base, length) so that a packet's address is matched without conversion.
 */
record AddressMatch(String text, Cidr cidr, boolean negated, int base, int length) {
  // Rules name the same few addresses over and over, on every node: each match is made once and shared.
  private static final Map<String, AddressMatch> POSITIVE = new ConcurrentHashMap<>();
  private static final Map<String, AddressMatch> NEGATED = new ConcurrentHashMap<>();

  static AddressMatch of(String text, boolean negated) {
    Map<String, AddressMatch> cache = negated ? NEGATED : POSITIVE;
    if (cache.size() > 100_000) {
      cache.clear();
    }
    return cache.computeIfAbsent(text, t -> {
      Cidr c = parse(t);
      return c.isIPv4()
          ? new AddressMatch(t, c, negated, Ip4.base(c), c.prefixLength())
          : new AddressMatch(t, c, negated, 0, -1);
    });
  }

  private static Cidr parse(String text) {
    if (text.contains("/")) {
      return Cidr.parse(text);
    }
    InetAddress a = InetAddresses.forString(text);
    return Cidr.parse(text + (a instanceof Inet4Address ? "/32" : "/128"));
  }

  /** Whether an IPv4 address matches (an IPv6 prefix never contains one). */
  boolean matches(int address) {
    boolean in = length >= 0 && Ip4.contains(base, length, address);
    return in != negated;
  }
}
