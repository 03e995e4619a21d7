package dev.kubesim.impl.dns;

import com.google.common.net.InetAddresses;
import dev.kubesim.impl.dnswire.DnsNames;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * IP addresses as DNS writes them: canonical text (RFC 5952 for IPv6, as Go prints it), the
 * dashed labels of pod and endpoint names ({@code 10-244-1-5}), and reverse names under {@code
 * in-addr.arpa.} and {@code ip6.arpa.}. Parsing never resolves names.
 */
public final class Addresses {
  static final String IN_ADDR_ARPA = "in-addr.arpa.";
  static final String IP6_ARPA = "ip6.arpa.";

  private Addresses() {}

  /** The canonical text of an address, or empty when the text is not one (leading zeros refused, as Go does). */
  public static Optional<String> canonical(String text) {
    if (text == null || text.isEmpty() || !InetAddresses.isInetAddress(text)) {
      return Optional.empty();
    }
    return Optional.of(InetAddresses.toAddrString(InetAddresses.forString(text)));
  }

  public static boolean isIPv4(String canonical) {
    return !canonical.contains(":");
  }

  /** The label CoreDNS names an endpoint without hostname by: dots or colons made dashes. */
  public static String dashed(String ip) {
    return ip.contains(".") ? ip.replace('.', '-') : ip.replace(':', '-');
  }

  /**
   * The address a pod label stands for ({@code pods insecure}): three dashes and no {@code --} is
   * IPv4, anything else is read as IPv6 with dashes for colons; empty when it is no address.
   */
  public static Optional<String> fromDashed(String label) {
    long dashes = label.chars().filter(c -> c == '-').count();
    String ip = dashes == 3 && !label.contains("--") ? label.replace('-', '.') : label.replace('-', ':');
    return canonical(ip);
  }

  /** The reverse name of an address: {@code 10.10.96.10.in-addr.arpa.} for {@code 10.96.10.10}. */
  public static String reverseName(String ip) {
    InetAddress address = InetAddresses.forString(ip);
    byte[] bytes = address.getAddress();
    StringBuilder b = new StringBuilder();
    if (address instanceof Inet4Address) {
      for (int i = bytes.length - 1; i >= 0; i--) {
        b.append(bytes[i] & 0xff).append('.');
      }
      return b.append(IN_ADDR_ARPA).toString();
    }
    for (int i = bytes.length - 1; i >= 0; i--) {
      b.append(Character.forDigit(bytes[i] & 0xf, 16)).append('.');
      b.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append('.');
    }
    return b.append(IP6_ARPA).toString();
  }

  /** 1 for a name under {@code in-addr.arpa.}, 2 under {@code ip6.arpa.}, else 0 ({@code dnsutil.IsReverse}). */
  static int reverseKind(String lowerName) {
    if (lowerName.endsWith("." + IN_ADDR_ARPA) || lowerName.equals(IN_ADDR_ARPA)) {
      return 1;
    }
    if (lowerName.endsWith("." + IP6_ARPA) || lowerName.equals(IP6_ARPA)) {
      return 2;
    }
    return 0;
  }

  /**
   * The address a complete reverse name stands for ({@code dnsutil.ExtractAddressFromReverse}):
   * four decimal labels under in-addr.arpa, 32 nibbles under ip6.arpa; empty otherwise.
   */
  static Optional<String> fromReverse(String lowerName) {
    if (lowerName.endsWith("." + IN_ADDR_ARPA)) {
      List<String> labels = reversed(lowerName, IN_ADDR_ARPA);
      return labels.size() == 4 ? canonical(String.join(".", labels)) : Optional.empty();
    }
    if (lowerName.endsWith("." + IP6_ARPA)) {
      List<String> nibbles = reversed(lowerName, IP6_ARPA);
      if (nibbles.size() != 32 || nibbles.stream().anyMatch(n -> n.length() != 1)) {
        return Optional.empty();
      }
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 32; i++) {
        if (i > 0 && i % 4 == 0) {
          b.append(':');
        }
        b.append(nibbles.get(i));
      }
      return canonical(b.toString());
    }
    return Optional.empty();
  }

  private static List<String> reversed(String name, String suffix) {
    List<String> labels = new ArrayList<>(DnsNames.labels(name.substring(0, name.length() - suffix.length() - 1)));
    Collections.reverse(labels);
    return labels;
  }
}
