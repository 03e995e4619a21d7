package dev.kubesim.impl.dnswire;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Domain-name arithmetic as CoreDNS's {@code dnsutil} and miekg/dns do it: fully qualified names
 * with a trailing dot, compared without regard to case.
 */
public final class DnsNames {
  private DnsNames() {}

  /** The name with a trailing dot. */
  public static String fqdn(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  public static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Whether {@code child} is {@code parent} or below it (both fully qualified, any case). */
  public static boolean isSubdomain(String parent, String child) {
    // Compared in place, without the trailing dots: servers ask this several times per query.
    int p = parent.endsWith(".") ? parent.length() - 1 : parent.length();
    int c = child.endsWith(".") ? child.length() - 1 : child.length();
    if (p == 0) {
      return true;
    }
    if (c < p || !child.regionMatches(true, c - p, parent, 0, p)) {
      return false;
    }
    return c == p || child.charAt(c - p - 1) == '.';
  }

  /**
   * The part of {@code name} before {@code zone}, without the joining dot: {@code kubia.default.svc}
   * for {@code kubia.default.svc.cluster.local.} in {@code cluster.local.}; empty at the apex.
   */
  public static String trimZone(String name, String zone) {
    if (name.length() <= zone.length()) {
      return "";
    }
    return name.substring(0, name.length() - zone.length() - 1);
  }

  /** The labels of a relative name ({@code dns.SplitDomainName}); none for the empty name. */
  public static List<String> labels(String relative) {
    String r = relative.endsWith(".") ? relative.substring(0, relative.length() - 1) : relative;
    return r.isEmpty() ? List.of() : List.of(r.split("\\.", -1));
  }

  /** The longest of the zones that holds the name (CoreDNS's {@code plugin.Zones.Matches}), if any. */
  public static Optional<String> matchZone(List<String> zones, String name) {
    String best = null;
    for (String zone : zones) {
      if (isSubdomain(zone, name) && (best == null || zone.length() > best.length())) {
        best = zone;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Joins labels and a zone into a fully qualified name. */
  public static String join(String first, String... rest) {
    StringBuilder b = new StringBuilder(trimDot(first));
    for (String part : rest) {
      String p = trimDot(part);
      if (!p.isEmpty()) {
        b.append('.').append(p);
      }
    }
    return fqdn(b.toString());
  }

  private static String trimDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
