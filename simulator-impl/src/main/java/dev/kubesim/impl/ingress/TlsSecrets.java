package dev.kubesim.impl.ingress;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The certificates ingress-nginx presents: the one in an Ingress's TLS Secret when that Secret
 * exists and holds a PEM certificate and key ({@code tls.crt}, {@code tls.key}), otherwise the
 * controller's self-signed default, {@value #FAKE_CERTIFICATE}. kubesim checks the PEM framing, not
 * the certificate inside (it does not verify names or expiry).
 */
final class TlsSecrets {
  /** The subject of the certificate ingress-nginx generates for itself at start. */
  static final String FAKE_CERTIFICATE = "Kubernetes Ingress Controller Fake Certificate";

  /** Finds a Secret by namespace and name. */
  @FunctionalInterface
  interface Lookup {
    Optional<KubeObject> secret(String namespace, String name);
  }

  private TlsSecrets() {}

  /** {@code secret NS/NAME} when the Secret holds a usable certificate, else the fake certificate. */
  static String certificate(Lookup lookup, String namespace, String secretName) {
    Optional<KubeObject> secret = lookup.secret(namespace, secretName);
    if (secret.isPresent() && secret.get() instanceof GenericObject g && holdsCertificate(g)) {
      return "secret " + namespace + "/" + secretName;
    }
    return FAKE_CERTIFICATE;
  }

  private static boolean holdsCertificate(GenericObject secret) {
    if (!(secret.content().get("data") instanceof Map<?, ?> data)) {
      return false;
    }
    String crt = decode(data.get("tls.crt"));
    String key = decode(data.get("tls.key"));
    return crt.contains("-----BEGIN CERTIFICATE-----") && key.contains("PRIVATE KEY-----");
  }

  private static String decode(Object value) {
    if (!(value instanceof String s)) {
      return "";
    }
    try {
      return new String(Base64.getMimeDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
