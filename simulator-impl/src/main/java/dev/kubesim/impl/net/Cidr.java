package dev.kubesim.impl.net;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IPv4 or IPv6 prefix such as {@code 10.96.0.0/12}: its base address, prefix length and size,
 * and the address at an offset within it. Parsed strictly: the host bits of the base must be zero.
 */
public final class Cidr {
  private final InetAddress base;
  private final int prefixLength;
  private final BigInteger baseValue;
  private final int bits;

  private Cidr(InetAddress base, int prefixLength) {
    this.base = base;
    this.prefixLength = prefixLength;
    this.bits = base instanceof Inet4Address ? 32 : 128;
    this.baseValue = new BigInteger(1, base.getAddress());
  }

  /** Parses {@code a.b.c.d/n} or an IPv6 prefix; the address is masked to the prefix. */
  public static Cidr parse(String text) {
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException("invalid CIDR address: " + text));
  }

  /** Like {@link #parse} but empty for invalid text, never throwing. */
  public static Optional<Cidr> tryParse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String addr = text.substring(0, slash);
    if (!InetAddresses.isInetAddress(addr)) {
      return Optional.empty();
    }
    InetAddress a = InetAddresses.forString(addr);
    int bits = a instanceof Inet4Address ? 32 : 128;
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (prefix < 0 || prefix > bits) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(1, a.getAddress());
    BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
        .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    return Optional.of(new Cidr(toAddress(value.and(mask), bits), prefix));
  }

  public boolean isIPv4() {
    return bits == 32;
  }

  public int prefixLength() {
    return prefixLength;
  }

  public InetAddress base() {
    return base;
  }

  /** Number of addresses in the prefix. */
  public BigInteger size() {
    return BigInteger.ONE.shiftLeft(bits - prefixLength);
  }

  /** The address {@code offset} after the base ({@code 0} is the base itself). */
  public InetAddress address(long offset) {
    return toAddress(baseValue.add(BigInteger.valueOf(offset)), bits);
  }

  /** The address's offset from the base, or empty when it lies outside. */
  public Optional<Long> offsetOf(InetAddress address) {
    if (!contains(address)) {
      return Optional.empty();
    }
    return Optional.of(new BigInteger(1, address.getAddress()).subtract(baseValue).longValue());
  }

  public boolean contains(InetAddress address) {
    if ((address instanceof Inet4Address) != isIPv4()) {
      return false;
    }
    if (bits == 32) {
      // IPv4 without BigInteger: this sits on kube-proxy's per-packet path
      byte[] a = address.getAddress();
      int v = ((a[0] & 0xff) << 24) | ((a[1] & 0xff) << 16) | ((a[2] & 0xff) << 8) | (a[3] & 0xff);
      int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
      return (v & mask) == (baseValue.intValue() & mask);
    }
    BigInteger v = new BigInteger(1, address.getAddress());
    return v.compareTo(baseValue) >= 0 && v.compareTo(baseValue.add(size())) < 0;
  }

  /** Whether the text is an address inside this prefix. */
  public boolean contains(String address) {
    return InetAddresses.isInetAddress(address) && contains(InetAddresses.forString(address));
  }

  private static InetAddress toAddress(BigInteger value, int bits) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[bits / 8];
    int copy = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
    try {
      return InetAddress.getByAddress(out);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The address as text: dotted quad, or IPv6 in its canonical short form. */
  public static String format(InetAddress address) {
    return InetAddresses.toAddrString(address);
  }

  @Override
  public String toString() {
    return format(base) + "/" + prefixLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.base.equals(base) && c.prefixLength == prefixLength;
  }

  @Override
  public int hashCode() {
    return base.hashCode() * 31 + prefixLength;
  }
}
