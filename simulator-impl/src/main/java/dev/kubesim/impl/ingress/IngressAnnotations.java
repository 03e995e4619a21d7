package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Ingress;
import java.util.Optional;

/**
 * The {@code nginx.ingress.kubernetes.io/} annotations of one Ingress that kubesim honours, as
 * ingress-nginx's annotation extractor reads them: each parser's defaults for missing or ignored
 * values, a location denied (answering 503) when the source range does not parse, and — as {@link
 * #extract} refusing — an Ingress the controller leaves out because a redirect annotation failed its
 * validation.
 *
 * @param sslRedirect {@code ssl-redirect}: redirect plain HTTP when the host has a certificate (true by default)
 * @param forceSslRedirect {@code force-ssl-redirect}: redirect plain HTTP even without TLS
 * @param preserveTrailingSlash {@code preserve-trailing-slash}: the redirect to HTTPS keeps a URI's final slash
 * @param useRegex {@code use-regex}: the paths are regular expressions
 * @param rewriteTarget {@code rewrite-target}: the URI upstream ({@code /$2}); it makes the paths regexes too
 * @param appRoot {@code app-root}: where a request for {@code /} on the host is sent (302)
 * @param redirect {@code permanent-redirect} or {@code temporal-redirect}
 * @param sourceRange {@code allowlist-source-range} / {@code whitelist-source-range}
 * @param denied why the Ingress's locations are denied (ingress-nginx's {@code Denied}), if they are
 * @param affinity the {@code affinity} annotations
 */
record IngressAnnotations(boolean sslRedirect, boolean forceSslRedirect, boolean preserveTrailingSlash, boolean useRegex,
    Optional<String> rewriteTarget,
    Optional<String> appRoot, Optional<ReturnRedirect> redirect, SourceRange sourceRange, Optional<String> denied,
    SessionAffinity affinity) {

  /** An Ingress without annotations. */
  static IngressAnnotations defaults() {
    return new IngressAnnotations(true, false, false, false, Optional.empty(), Optional.empty(), Optional.empty(),
        SourceRange.none(), Optional.empty(), SessionAffinity.none());
  }

  /**
   * Reads the Ingress's annotations.
   *
   * @throws AnnotationReader.Problem a {@code VALIDATION} problem of the redirect annotations: the
   *     controller's extractor fails and the Ingress is not configured
   */
  static IngressAnnotations extract(Ingress ing) throws AnnotationReader.Problem {
    Optional<ReturnRedirect> redirect;
    try {
      redirect = ReturnRedirect.parse(ing);
    } catch (AnnotationReader.Problem p) {
      if (p.kind == AnnotationReader.Problem.Kind.VALIDATION) {
        throw p;
      }
      redirect = Optional.empty(); // an empty value: the redirect parser's error is ignored
    }
    Optional<String> rewriteTarget = string(ing, "rewrite-target", AnnotationReader.PATH_WITH_CAPTURE);
    SourceRange.Parsed range = SourceRange.parse(ing);
    return new IngressAnnotations(bool(ing, "ssl-redirect", true), bool(ing, "force-ssl-redirect", false),
        bool(ing, "preserve-trailing-slash", false), bool(ing, "use-regex", false), rewriteTarget, appRoot(ing), redirect, range.range(), range.denied(),
        SessionAffinity.parse(ing));
  }

  /** The annotations, or the defaults when the extractor would refuse the Ingress (for callers that only route). */
  static IngressAnnotations of(Ingress ing) {
    try {
      return extract(ing);
    } catch (AnnotationReader.Problem p) {
      return defaults();
    }
  }

  /** {@code app-root}: a path (validated as {@code RegexPathWithCapture}, then as a request URI that is not absolute). */
  private static Optional<String> appRoot(Ingress ing) {
    return string(ing, "app-root", AnnotationReader.PATH_WITH_CAPTURE).filter(v -> v.startsWith("/"));
  }

  private static Optional<String> string(Ingress ing, String name, java.util.regex.Pattern validator) {
    try {
      return Optional.of(AnnotationReader.string(ing, name, AnnotationReader.regex(validator, false)));
    } catch (AnnotationReader.Problem p) {
      return Optional.empty();
    }
  }

  private static boolean bool(Ingress ing, String name, boolean fallback) {
    try {
      return AnnotationReader.bool(ing, name);
    } catch (AnnotationReader.Problem p) {
      return fallback;
    }
  }
}
