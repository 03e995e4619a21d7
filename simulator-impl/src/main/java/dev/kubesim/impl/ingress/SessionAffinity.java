package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Ingress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An Ingress's {@code affinity} annotations (ingress-nginx's {@code sessionaffinity} parser): with
 * {@code affinity: cookie} the upstream's balancer becomes sticky and its first answer sets a cookie
 * naming the chosen endpoint. Every value that is missing or invalid takes its default; the parser
 * never refuses the Ingress.
 *
 * @param type {@code cookie}, or empty without affinity
 * @param mode {@code balanced} or {@code persistent}, or empty (balanced)
 * @param cookieName {@code session-cookie-name}, {@code INGRESSCOOKIE} by default
 * @param expires {@code session-cookie-expires}: seconds, for the cookie's {@code Expires}
 * @param maxAge {@code session-cookie-max-age}: seconds, the cookie's {@code Max-Age}
 * @param path {@code session-cookie-path}; empty for the location's path
 * @param domain {@code session-cookie-domain}
 * @param sameSite {@code session-cookie-samesite} as written
 * @param secure {@code session-cookie-secure}: Secure even over plain HTTP
 */
record SessionAffinity(String type, String mode, String cookieName, String expires, String maxAge, String path,
    String domain, String sameSite, boolean secure) {
  static final String COOKIE = "cookie";
  static final String DEFAULT_COOKIE_NAME = "INGRESSCOOKIE";
  /** {@code affinityCookieExpiresRegex}, unanchored on the left as ingress-nginx writes it. */
  private static final Pattern EXPIRES = Pattern.compile("(^0|-?[1-9]\\d*$)");

  /** No affinity. */
  static SessionAffinity none() {
    return new SessionAffinity("", "", "", "", "", "", "", "", false);
  }

  /** Whether requests stick to an endpoint by cookie. */
  boolean cookie() {
    return type.equals(COOKIE);
  }

  /** Whether the endpoint stays the cookie's until it is gone ({@code persistent}); else {@code balanced}. */
  boolean persistent() {
    return mode.equals("persistent");
  }

  /** Reads the Ingress's affinity annotations. */
  static SessionAffinity parse(Ingress ing) {
    String type = or(ing, "affinity", AnnotationReader.options(List.of(COOKIE), true), "");
    String mode = or(ing, "affinity-mode", AnnotationReader.options(List.of("balanced", "persistent"), true), "");
    if (!type.equals(COOKIE)) {
      return new SessionAffinity(type, mode, "", "", "", "", "", "", false);
    }
    String name = or(ing, "session-cookie-name", AnnotationReader.regex(AnnotationReader.BASIC_CHARS, true), DEFAULT_COOKIE_NAME);
    String expires = or(ing, "session-cookie-expires", AnnotationReader.regex(EXPIRES, true), "");
    String maxAge = or(ing, "session-cookie-max-age", AnnotationReader.regex(EXPIRES, false), "");
    String path = or(ing, "session-cookie-path", AnnotationReader.regex(AnnotationReader.URL, true), "");
    String domain = or(ing, "session-cookie-domain", AnnotationReader.regex(AnnotationReader.BASIC_CHARS, true), "");
    String sameSite = or(ing, "session-cookie-samesite", AnnotationReader.options(List.of("none", "lax", "strict"), false), "");
    boolean secure;
    try {
      secure = AnnotationReader.bool(ing, "session-cookie-secure");
    } catch (AnnotationReader.Problem p) {
      secure = false;
    }
    return new SessionAffinity(type, mode, name, EXPIRES.matcher(expires).find() ? expires : "",
        EXPIRES.matcher(maxAge).find() ? maxAge : "", path, domain, sameSite, secure);
  }

  private static String or(Ingress ing, String name, Predicate<String> validator, String fallback) {
    try {
      return AnnotationReader.string(ing, name, validator);
    } catch (AnnotationReader.Problem p) {
      return fallback;
    }
  }

  /** Lua's {@code tonumber} of a decimal integer, empty for anything else. */
  static Optional<Long> luaNumber(String s) {
    return AnnotationReader.atoi(s.strip()).isPresent() && !s.strip().startsWith("+")
        ? Optional.of(AnnotationReader.atoi(s.strip()).getAsLong())
        : Optional.empty();
  }
}
