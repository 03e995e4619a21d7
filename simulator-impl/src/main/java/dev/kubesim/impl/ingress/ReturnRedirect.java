package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Ingress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The {@code permanent-redirect} and {@code temporal-redirect} annotations (ingress-nginx's {@code
 * redirect} parser): the location answers {@code return CODE URL;} instead of proxying. A temporal
 * redirect wins over a permanent one; its code ({@code temporal-redirect-code}) must lie in 300-307
 * and the permanent one's ({@code permanent-redirect-code}) in 300-308, else 302 and 301 are used.
 *
 * @param url the target as written (a path is made absolute by nginx unless {@code relative})
 * @param code the status nginx answers with
 * @param annotation which annotation asked for it, for the trace
 * @param relative {@code relative-redirects}: nginx's {@code absolute_redirect off}
 */
record ReturnRedirect(String url, int code, String annotation, boolean relative) {
  static final String TEMPORAL = "temporal-redirect";
  static final String PERMANENT = "permanent-redirect";

  /**
   * The Ingress's redirect, if it asks for one.
   *
   * @throws AnnotationReader.Problem a {@code VALIDATION} problem, which makes ingress-nginx leave the
   *     whole Ingress out; other problems ignore the redirect, as the controller does
   */
  static Optional<ReturnRedirect> parse(Ingress ing) throws AnnotationReader.Problem {
    orFalse(ing, "from-to-www-redirect");
    boolean relative = orFalse(ing, "relative-redirects");
    Optional<String> temporal = orEmpty(ing, TEMPORAL);
    if (temporal.isPresent()) {
      long code = intOrZero(ing, TEMPORAL + "-code");
      if (code < 300 || code > 307) {
        code = 302;
      }
      if (!isHttpUrl(temporal.get())) {
        return Optional.empty(); // "only http and https are valid protocols": the annotation is ignored
      }
      return Optional.of(new ReturnRedirect(temporal.get(), (int) code, TEMPORAL, relative));
    }
    Optional<String> permanent = orEmpty(ing, PERMANENT);
    long code = intOrZero(ing, PERMANENT + "-code");
    if (code < 300 || code > 308) {
      code = 301;
    }
    if (permanent.isPresent()) {
      return Optional.of(new ReturnRedirect(permanent.get(), (int) code, PERMANENT, relative));
    }
    // from-to-www-redirect (read for its validation only) is a server-level redirect kubesim does not simulate
    return Optional.empty();
  }

  private static boolean orFalse(Ingress ing, String name) throws AnnotationReader.Problem {
    try {
      return AnnotationReader.bool(ing, name);
    } catch (AnnotationReader.Problem p) {
      if (p.kind == AnnotationReader.Problem.Kind.MISSING) {
        return false;
      }
      throw p;
    }
  }

  private static long intOrZero(Ingress ing, String name) throws AnnotationReader.Problem {
    try {
      return AnnotationReader.integer(ing, name);
    } catch (AnnotationReader.Problem p) {
      if (p.kind == AnnotationReader.Problem.Kind.MISSING) {
        return 0;
      }
      throw p;
    }
  }

  private static Optional<String> orEmpty(Ingress ing, String name) throws AnnotationReader.Problem {
    try {
      return Optional.of(AnnotationReader.string(ing, name, AnnotationReader.regex(AnnotationReader.URL, false)));
    } catch (AnnotationReader.Problem p) {
      if (p.kind == AnnotationReader.Problem.Kind.MISSING) {
        return Optional.empty();
      }
      throw p;
    }
  }

  /** {@code isValidURL}: it parses and its scheme starts with {@code http}. */
  private static boolean isHttpUrl(String s) {
    try {
      String scheme = new URI(s).getScheme();
      return scheme != null && scheme.startsWith("http");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * The {@code Location} nginx sends: the URL as written, or for a path (unless {@code relative})
   * the request's scheme and host before it, as {@code absolute_redirect} with {@code
   * port_in_redirect off} makes it.
   */
  String location(String scheme, String host) {
    return url.startsWith("/") && !relative ? scheme + "://" + host + url : url;
  }

  /** Whether nginx's {@code return} treats the text as a redirect target (else it is the body). */
  static boolean isRedirectCode(int code) {
    return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
  }
}
