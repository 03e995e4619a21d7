package dev.kubesim.impl.proxy;

import com.google.common.net.InetAddresses;
import dev.kubesim.impl.net.Cidr;
import java.net.Inet4Address;
import java.net.InetAddress;

/** An {@code -s}/{@code -d} match: an address or CIDR, possibly negated with {@code !}. */
record AddressMatch(String text, Cidr cidr, boolean negated) {
  static AddressMatch of(String text, boolean negated) {
    if (CIDRS.size() > 100_000) {
      CIDRS.clear();
    }
    return new AddressMatch(text, CIDRS.computeIfAbsent(text, AddressMatch::parse), negated);
  }

  // Rules name the same few addresses over and over; parsing them is pure, so it is done once each.
  private static final java.util.Map<String, Cidr> CIDRS = new java.util.concurrent.ConcurrentHashMap<>();

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
