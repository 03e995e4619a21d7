package dev.kubesim.impl.proxy;

import com.google.common.net.InetAddresses;
import dev.kubesim.impl.net.Cidr;
import java.net.Inet4Address;
import java.net.InetAddress;

/** An {@code -s}/{@code -d} match: an address or CIDR, possibly negated with {@code !}. */
record AddressMatch(String text, Cidr cidr, boolean negated) {
  static AddressMatch of(String text, boolean negated) {
    java.util.Map<String, AddressMatch> cache = negated ? NEGATED : POSITIVE;
    if (cache.size() > 100_000) {
      cache.clear();
    }
    return cache.computeIfAbsent(text, t -> new AddressMatch(t, parse(t), negated));
  }

  // Rules name the same few addresses over and over, on every node: each match is made once and shared.
  private static final java.util.Map<String, AddressMatch> POSITIVE = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, AddressMatch> NEGATED = new java.util.concurrent.ConcurrentHashMap<>();

  private static Cidr parse(String text) {
    if (text.contains("/")) {
      return Cidr.parse(text);
    }
    InetAddress a = InetAddresses.forString(text);
    return Cidr.parse(text + (a instanceof Inet4Address ? "/32" : "/128"));
  }

  boolean matches(InetAddress address) {
    return cidr.contains(address) != negated;
  }

  /** The plain address when this is a positive single-address match, the key of hashed chains. */
  boolean isSingleAddress() {
    return !negated && !text.contains("/");
  }
}
