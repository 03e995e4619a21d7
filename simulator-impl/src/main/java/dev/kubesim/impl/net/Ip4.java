package dev.kubesim.impl.net;

import java.util.OptionalInt;

/**
 * IPv4 addresses as {@code int}s, the form the packet path uses: parsing without allocation,
 * formatting, prefix masks. The network is IPv4 only.
 */
public final class Ip4 {
  /** 127.0.0.1. */
  public static final int LOOPBACK = 0x7f000001;

  private Ip4() {}

  /** Parses a dotted quad; empty for anything else (IPv6, names, leading zeros kept as decimal). */
  public static OptionalInt tryParse(String text) {
    long v = parseOrNegative(text);
    return v < 0 ? OptionalInt.empty() : OptionalInt.of((int) v);
  }

  /** Parses a dotted quad. */
  public static int parse(String text) {
    long v = parseOrNegative(text);
    if (v < 0) {
      throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
    }
    return (int) v;
  }

  /** Whether the text is a dotted quad. */
  public static boolean isValid(String text) {
    return parseOrNegative(text) >= 0;
  }

  /** Whether the text is a dotted quad as {@link #format} writes it (no leading zeros), so needs no rewriting. */
  public static boolean isCanonical(String text) {
    if (parseOrNegative(text) < 0) {
      return false;
    }
    for (int i = 0; i < text.length() - 1; i++) {
      if (text.charAt(i) == '0' && (i == 0 || text.charAt(i - 1) == '.') && text.charAt(i + 1) != '.') {
        return false;
      }
    }
    return true;
  }

  private static long parseOrNegative(String s) {
    int n = s.length();
    if (n < 7 || n > 15) {
      return -1;
    }
    long value = 0;
    int octet = -1;
    int parts = 0;
    int digits = 0;
    for (int i = 0; i <= n; i++) {
      char c = i == n ? '.' : s.charAt(i);
      if (c == '.') {
        if (octet < 0 || octet > 255) {
          return -1;
        }
        value = (value << 8) | octet;
        parts++;
        octet = -1;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        if (++digits > 3) {
          return -1;
        }
        octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
      } else {
        return -1;
      }
    }
    return parts == 4 ? value : -1;
  }

  /** The dotted quad. */
  public static String format(int address) {
    return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
        + (address & 0xff);
  }

  /** The mask of a prefix length ({@code 24} gives {@code 255.255.255.0}). */
  public static int mask(int prefixLength) {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  /** Whether the address lies in 127.0.0.0/8. */
  public static boolean isLoopback(int address) {
    return (address >>> 24) == 127;
  }

  /** The base address and length of an IPv4 {@link Cidr}. */
  public static int base(Cidr cidr) {
    if (!cidr.isIPv4()) {
      throw new IllegalArgumentException("not an IPv4 prefix: " + cidr);
    }
    byte[] b = cidr.base().getAddress();
    return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
  }

  /** Whether an address lies in the prefix {@code base/length}. */
  public static boolean contains(int base, int length, int address) {
    int m = mask(length);
    return (address & m) == (base & m);
  }
}
