package dev.kubesim.impl.ingress;

import java.util.Locale;

/**
 * Host names as ingress-nginx's servers see them: the request's Host without port, lower case and
 * without a trailing dot; a wildcard rule host {@code *.foo.com} becomes the server name
 * {@code ~^(?<subdomain>[\w-]+)\.foo\.com$}, which covers exactly one more label.
 */
final class HostMatch {
  /** The catch-all server of rules without host (nginx's {@code server_name _}). */
  static final String CATCH_ALL = "_";

  private HostMatch() {}

  /** The host part of a Host header, normalised: {@code Foo.Com:8080} → {@code foo.com}. */
  static String normalise(String hostHeader) {
    String h = hostHeader.trim();
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      h = close < 0 ? h : h.substring(0, close + 1);
    } else {
      int colon = h.indexOf(':');
      if (colon >= 0) {
        h = h.substring(0, colon);
      }
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.toLowerCase(Locale.ROOT);
  }

  static boolean isWildcard(String serverName) {
    return serverName.startsWith("*.");
  }

  /** Whether a wildcard server name ({@code *.foo.com}) takes the host: one label of {@code [\w-]} before the suffix. */
  static boolean wildcardMatches(String serverName, String host) {
    String suffix = serverName.substring(1);
    if (!host.endsWith(suffix) || host.length() == suffix.length()) {
      return false;
    }
    String label = host.substring(0, host.length() - suffix.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
