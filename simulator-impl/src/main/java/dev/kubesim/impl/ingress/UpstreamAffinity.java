package dev.kubesim.impl.ingress;

import java.util.Map;
import java.util.Set;

/**
 * The session affinity of one upstream (a Service port), as ingress-nginx's {@code
 * getBackendServers} gathers it from every Ingress path that leads there: the type and mode of the
 * first Ingress that sets them, the cookie settings of the last with {@code affinity: cookie}, and
 * the host and path of each such Ingress path — the only locations whose answers set the cookie
 * ({@code should_set_cookie} in the Lua balancer).
 *
 * @param mode {@code persistent}, else balanced
 * @param cookie the cookie settings
 * @param locations host ({@code _} for rules without one, or {@code *.domain}) to the Ingress paths
 */
record UpstreamAffinity(String mode, SessionAffinity cookie, Map<String, Set<String>> locations) {
  UpstreamAffinity {
    locations = Map.copyOf(locations);
  }

  /** Whether the cookie's endpoint stays until it is gone ({@code persistent}), else the cookie's key is hashed (balanced). */
  boolean persistent() {
    return mode.equals("persistent");
  }

  /**
   * {@code should_set_cookie}: the request's host (or {@code _} on the catch-all server, or the
   * wildcard one label up) has the location's path among the sticky Ingress paths.
   */
  boolean setsCookieAt(String host, String serverName, String locationPath) {
    String h = serverName.equals(HostMatch.CATCH_ALL) ? HostMatch.CATCH_ALL : host;
    Set<String> paths = locations.get(h);
    if (paths == null) {
      int dot = h.indexOf('.');
      paths = dot > 0 ? locations.get("*" + h.substring(dot)) : null;
    }
    return paths != null && paths.contains(locationPath);
  }

  /** The cookie's {@code Path}: {@code session-cookie-path}, else the location's path. */
  String cookiePath(String locationPath) {
    return cookie.path().isEmpty() ? locationPath : cookie.path();
  }

  /** For the trace: {@code cookie INGRESSCOOKIE (balanced)}. */
  String describe() {
    return "cookie " + cookie.cookieName() + " (" + (persistent() ? "persistent" : "balanced") + ")";
  }
}
