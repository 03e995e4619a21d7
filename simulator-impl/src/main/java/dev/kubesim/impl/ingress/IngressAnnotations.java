package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.Ingress;

/** The ingress-nginx annotations kubesim honours, with the controller's defaults. */
final class IngressAnnotations {
  static final String SSL_REDIRECT = "nginx.ingress.kubernetes.io/ssl-redirect";
  static final String FORCE_SSL_REDIRECT = "nginx.ingress.kubernetes.io/force-ssl-redirect";

  private IngressAnnotations() {}

  /** {@code ssl-redirect}: redirect plain HTTP when the host has a certificate; true unless {@code "false"}. */
  static boolean sslRedirect(Ingress ing) {
    return !"false".equals(ing.metadata().annotations().get(SSL_REDIRECT));
  }

  /** {@code force-ssl-redirect}: redirect plain HTTP even without TLS; false unless {@code "true"}. */
  static boolean forceSslRedirect(Ingress ing) {
    return "true".equals(ing.metadata().annotations().get(FORCE_SSL_REDIRECT));
  }
}
