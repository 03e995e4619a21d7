package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Ingress;

/** The ingress-nginx annotations kubesim honours, with the controller's defaults. */
final class IngressAnnotations {
  static final String SSL_REDIRECT = "nginx.ingress.kubernetes.io/ssl-redirect";
  static final String FORCE_SSL_REDIRECT = "nginx.ingress.kubernetes.io/force-ssl-redirect";
  static final String USE_REGEX = "nginx.ingress.kubernetes.io/use-regex";
  static final String REWRITE_TARGET = "nginx.ingress.kubernetes.io/rewrite-target";

  private IngressAnnotations() {}

  /** {@code ssl-redirect}: redirect plain HTTP when the host has a certificate; true unless {@code "false"}. */
  static boolean sslRedirect(Ingress ing) {
    return !"false".equals(ing.metadata().annotations().get(SSL_REDIRECT));
  }

  /** {@code force-ssl-redirect}: redirect plain HTTP even without TLS; false unless {@code "true"}. */
  static boolean forceSslRedirect(Ingress ing) {
    return "true".equals(ing.metadata().annotations().get(FORCE_SSL_REDIRECT));
  }

  /** {@code use-regex}: the Ingress's paths are regular expressions; false unless {@code "true"}. */
  static boolean useRegex(Ingress ing) {
    return "true".equals(ing.metadata().annotations().get(USE_REGEX));
  }

  /** {@code rewrite-target}: what the request URI becomes upstream ({@code /$2}); it makes the paths regular expressions too. */
  static java.util.Optional<String> rewriteTarget(Ingress ing) {
    return java.util.Optional.ofNullable(ing.metadata().annotations().get(REWRITE_TARGET)).filter(t -> !t.isEmpty());
  }
}
