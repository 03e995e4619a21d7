package dev.kubesim.impl.program.nettools;

import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP URL as curl and wget take it: a missing scheme means {@code http}, the port defaults by
 * scheme, the fragment is dropped, the path defaults to {@code /}.
 *
 * @param host as written (an IPv4 literal or a name)
 * @param target path and query
 */
record Url(String scheme, String host, int port, String target, boolean explicitPort) {
  /** Why a URL was rejected, in curl's words (exit 3). */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  static Url parse(String text) throws Malformed {
    String rest = text;
    String scheme = "http";
    int sep = rest.indexOf("://");
    if (sep >= 0) {
      scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
      rest = rest.substring(sep + 3);
    }
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String authority = rest.substring(0, end);
    String target = rest.substring(end);
    int hash = target.indexOf('#');
    if (hash >= 0) {
      target = target.substring(0, hash);
    }
    if (target.isEmpty() || target.startsWith("?")) {
      target = "/" + target;
    }
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    String host = authority;
    int port = defaultPort(scheme);
    boolean explicit = false;
    int colon = authority.lastIndexOf(':');
    if (colon >= 0 && !authority.endsWith("]")) {
      host = authority.substring(0, colon);
      String p = authority.substring(colon + 1);
      if (!p.isEmpty()) {
        try {
          port = Integer.parseInt(p);
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 0 || port > 65535 || !p.chars().allMatch(Character::isDigit)) {
          throw new Malformed("URL rejected: Port number was not a decimal number between 0 and 65535");
        }
        explicit = true;
      }
    }
    if (host.isEmpty()) {
      throw new Malformed("URL rejected: No host part in the URL");
    }
    return new Url(scheme, host, port, target, explicit);
  }

  static int defaultPort(String scheme) {
    return switch (scheme) {
      case "https" -> 443;
      case "ftp" -> 21;
      default -> 80;
    };
  }

  /** The Host header: the host, with the port when it is not the scheme's default. */
  String hostHeader() {
    return port == defaultPort(scheme) ? host : host + ":" + port;
  }

  /** {@code http://host[:port]/target}. */
  String text() {
    return scheme + "://" + hostHeader() + target;
  }

  /** A redirect's Location resolved against this URL. */
  Optional<Url> resolve(String location) {
    try {
      if (location.contains("://")) {
        return Optional.of(parse(location));
      }
      if (location.startsWith("/")) {
        return Optional.of(new Url(scheme, host, port, location, explicitPort));
      }
      String path = target.substring(0, target.lastIndexOf('/') + 1);
      return Optional.of(new Url(scheme, host, port, path + location, explicitPort));
    } catch (Malformed e) {
      return Optional.empty();
    }
  }
}
