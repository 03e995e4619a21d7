package dev.kubesim.impl.apiserver.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * IP address and CIDR checks from apimachinery's {@code ip.go}, with its messages. Parsing mirrors
 * {@code k8s.io/utils/net.ParseIPSloppy}/{@code ParseCIDRSloppy} (Go's pre-1.17 parser): IPv4
 * octets may carry leading zeros, IPv6 has no zone, and an IPv4-mapped IPv6 address ({@code
 * ::ffff:1.2.3.4}) counts as IPv4. No name resolution ever happens, unlike {@code InetAddress}.
 */
public final class IpSyntax {
  private static final int IPV4_LEN = 4;
  private static final int IPV6_LEN = 16;
  private static final int BIG = 0xFFFFFF; // Go's overflow guard in dtoi/xtoi

  private IpSyntax() {}

  /** Any IP address: {@code must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)}. */
  public static List<String> isValidIP(String value) {
    if (parseIP(value) != null) {
      return List.of();
    }
    return List.of("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
  }

  /** An IPv4 address (or IPv4-mapped IPv6): {@code must be a valid IPv4 address}. */
  public static List<String> isValidIPv4Address(String value) {
    byte[] ip = parseIP(value);
    if (ip != null && isIPv4(ip)) {
      return List.of();
    }
    return List.of("must be a valid IPv4 address");
  }

  /** An IPv6 address that is not IPv4-mapped: {@code must be a valid IPv6 address}. */
  public static List<String> isValidIPv6Address(String value) {
    byte[] ip = parseIP(value);
    if (ip != null && !isIPv4(ip)) {
      return List.of();
    }
    return List.of("must be a valid IPv6 address");
  }

  /** A CIDR: {@code must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)}. */
  public static List<String> isValidCIDR(String value) {
    if (isParsableCIDR(value)) {
      return List.of();
    }
    return List.of("must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
  }

  /**
   * The address as 4 bytes (IPv4) or 16 bytes (IPv6), or {@code null} when it does not parse. The
   * first {@code .} or {@code :} decides which syntax is tried, as in Go.
   */
  static byte[] parseIP(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        return parseIPv4(s);
      }
      if (c == ':') {
        return parseIPv6(s);
      }
    }
    return null;
  }

  /** Go's {@code To4() != nil}: a 4-byte address or a 16-byte IPv4-mapped one. */
  static boolean isIPv4(byte[] ip) {
    if (ip.length == IPV4_LEN) {
      return true;
    }
    for (int i = 0; i < 10; i++) {
      if (ip[i] != 0) {
        return false;
      }
    }
    return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
  }

  private static boolean isParsableCIDR(String s) {
    return parseCIDR(s).isPresent();
  }

  /**
   * The network of a CIDR as {@code netutils.ParseCIDRSloppy} returns it (the address with the
   * bits beyond the prefix cleared), or empty when {@link #isValidCIDR} refuses the value.
   */
  public static Optional<Cidr> parseCIDR(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String addr = s.substring(0, slash);
    String mask = s.substring(slash + 1);
    int ipLen = IPV4_LEN;
    byte[] ip = parseIPv4(addr);
    if (ip == null) {
      ipLen = IPV6_LEN;
      ip = parseIPv6(addr);
    }
    long[] n = dtoi(mask, 0);
    if (ip == null || n == null || n[1] != mask.length() || n[0] > 8L * ipLen) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(ip, (int) n[0]));
  }

  /**
   * A parsed CIDR, as Go's {@code net.IPNet}: the network address (4 bytes when written as IPv4,
   * 16 when written as IPv6, an IPv4-mapped one included) and the prefix length.
   */
  public static final class Cidr {
    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] ip, int prefixLength) {
      this.prefixLength = prefixLength;
      this.network = ip.clone();
      byte[] mask = mask(prefixLength, ip.length);
      for (int i = 0; i < network.length; i++) {
        network[i] &= mask[i];
      }
    }

    /** The number of leading one bits of the mask (Go's {@code Mask.Size()} ones). */
    public int prefixLength() {
      return prefixLength;
    }

    /**
     * Go's {@code IPNet.Contains} of the other CIDR's network address: an IPv4 address and an
     * IPv4-mapped IPv6 one are the same address, and a mapped network keeps the last 32 bits of
     * its mask.
     */
    public boolean containsNetworkOf(Cidr other) {
      byte[] nn = isIPv4(network) ? last4(network) : network;
      byte[] m = mask(prefixLength, network.length);
      if (m.length == IPV6_LEN && nn.length == IPV4_LEN) {
        m = Arrays.copyOfRange(m, 12, IPV6_LEN);
      }
      byte[] ip = isIPv4(other.network) ? last4(other.network) : other.network;
      if (ip.length != nn.length) {
        return false;
      }
      for (int i = 0; i < ip.length; i++) {
        if ((nn[i] & m[i]) != (ip[i] & m[i])) {
          return false;
        }
      }
      return true;
    }

    private static byte[] last4(byte[] ip) {
      return ip.length == IPV4_LEN ? ip : Arrays.copyOfRange(ip, IPV6_LEN - IPV4_LEN, IPV6_LEN);
    }

    private static byte[] mask(int ones, int len) {
      byte[] m = new byte[len];
      for (int i = 0; i < len; i++) {
        int bits = Math.max(0, Math.min(8, ones - 8 * i));
        m[i] = (byte) (0xff << (8 - bits));
      }
      return m;
    }
  }

  private static byte[] parseIPv4(String s) {
    byte[] p = new byte[IPV4_LEN];
    int pos = 0;
    for (int i = 0; i < IPV4_LEN; i++) {
      if (pos >= s.length()) {
        return null;
      }
      if (i > 0) {
        if (s.charAt(pos) != '.') {
          return null;
        }
        pos++;
      }
      long[] n = dtoi(s, pos);
      if (n == null || n[0] > 0xFF) {
        return null;
      }
      pos = (int) n[1];
      p[i] = (byte) n[0];
    }
    return pos == s.length() ? p : null;
  }

  private static byte[] parseIPv6(String str) {
    byte[] ip = new byte[IPV6_LEN];
    int ellipsis = -1; // byte position of the "::", if any
    String s = str;
    if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return ip;
      }
    }
    int i = 0;
    while (i < IPV6_LEN) {
      long[] n = xtoi(s);
      if (n == null || n[0] > 0xFFFF) {
        return null;
      }
      int c = (int) n[1];
      if (c < s.length() && s.charAt(c) == '.') {
        // A trailing dotted IPv4 part fills the last four bytes.
        if (ellipsis < 0 && i != IPV6_LEN - IPV4_LEN) {
          return null;
        }
        if (i + IPV4_LEN > IPV6_LEN) {
          return null;
        }
        byte[] ip4 = parseIPv4(s);
        if (ip4 == null) {
          return null;
        }
        System.arraycopy(ip4, 0, ip, i, IPV4_LEN);
        s = "";
        i += IPV4_LEN;
        break;
      }
      ip[i] = (byte) (n[0] >> 8);
      ip[i + 1] = (byte) n[0];
      i += 2;
      s = s.substring(c);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':' || s.length() == 1) {
        return null;
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      return null;
    }
    if (i < IPV6_LEN) {
      if (ellipsis < 0) {
        return null;
      }
      int gap = IPV6_LEN - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + gap] = ip[j];
      }
      for (int j = ellipsis + gap - 1; j >= ellipsis; j--) {
        ip[j] = 0;
      }
    } else if (ellipsis >= 0) {
      return null; // "::" must stand for at least one zero group
    }
    return ip;
  }

  /** Go's {@code dtoi}: {value, end index} of the decimal digits at {@code from}, or null. */
  private static long[] dtoi(String s, int from) {
    long n = 0;
    int i = from;
    for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
      n = n * 10 + (s.charAt(i) - '0');
      if (n >= BIG) {
        return null;
      }
    }
    return i == from ? null : new long[] {n, i};
  }

  /** Go's {@code xtoi}: {value, length} of the hex digits at the start of {@code s}, or null. */
  private static long[] xtoi(String s) {
    long n = 0;
    int i = 0;
    for (; i < s.length(); i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0 || s.charAt(i) > 'f') { // Character.digit also accepts non-ASCII digits
        break;
      }
      n = n * 16 + d;
      if (n >= BIG) {
        return null;
      }
    }
    return i == 0 ? null : new long[] {n, i};
  }
}
