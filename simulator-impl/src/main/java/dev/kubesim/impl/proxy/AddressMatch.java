package dev.kubesim.impl.proxy;

import com.google.common.net.InetAddresses;
import dev.kubesim.impl.net.Cidr;
import java.net.Inet4Address;
import java.net.InetAddress;

/** An {@code -s}/{@code -d} match: an address or CIDR, possibly negated with {@code !}. */
record AddressMatch(String text, Cidr cidr, boolean negated) {
  static AddressMatch of(String text, boolean negated) {
    Cidr cidr;
    if (text.contains("/")) {
      cidr = Cidr.parse(text);
    } else {
      InetAddress a = InetAddresses.forString(text);
      cidr = Cidr.parse(text + (a instanceof Inet4Address ? "/32" : "/128"));
    }
    return new AddressMatch(text, cidr, negated);
  }

  boolean matches(InetAddress address) {
    return cidr.contains(address) != negated;
  }

  /** The plain address when this is a positive single-address match, the key of hashed chains. */
  boolean isSingleAddress() {
    return !negated && !text.contains("/");
  }
}
