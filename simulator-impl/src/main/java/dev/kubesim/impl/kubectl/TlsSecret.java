package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kubectl create secret tls NAME --cert=FILE --key=FILE}: a {@code kubernetes.io/tls}
 * Secret with {@code tls.crt} and {@code tls.key}, as the Ingress TLS examples make it. kubectl
 * loads the pair with Go's {@code tls.X509KeyPair}; kubesim checks the PEM framing only (a
 * certificate block in the one, a private key block in the other), as its ingress does.
 */
final class TlsSecret {
  private TlsSecret() {}

  static KubeObject of(CommandContext ctx, ParsedArgs args, String name) {
    String certFile = args.string("cert").orElse("");
    String keyFile = args.string("key").orElse("");
    if (certFile.isEmpty() || keyFile.isEmpty()) {
      throw KubectlException.error("key and cert must be specified");
    }
    byte[] cert = DataSources.readFile(ctx, certFile);
    byte[] key = DataSources.readFile(ctx, keyFile);
    if (!pem(cert, "CERTIFICATE")) {
      throw KubectlException.error("failed to load key pair tls: failed to find any PEM data in certificate input");
    }
    if (!pem(key, "PRIVATE KEY")) {
      throw KubectlException.error("failed to load key pair tls: failed to find any PEM data in key input");
    }
    Map<String, Object> data = new TreeMap<>();
    data.put("tls.crt", Base64.getEncoder().encodeToString(cert));
    data.put("tls.key", Base64.getEncoder().encodeToString(key));
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("data", data);
    content.put("type", "kubernetes.io/tls");
    return new GenericObject("v1", "Secret", ObjectMeta.builder().name(name).namespace(ctx.namespace()).build(), content);
  }

  /** Whether the bytes hold a PEM block whose type ends with {@code what} ({@code RSA PRIVATE KEY} counts as a key). */
  private static boolean pem(byte[] bytes, String what) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int begin = text.indexOf("-----BEGIN ");
    while (begin >= 0) {
      int end = text.indexOf("-----", begin + 11);
      if (end < 0) {
        return false;
      }
      String type = text.substring(begin + 11, end);
      if (type.endsWith(what) && text.indexOf("-----END " + type + "-----", end) > 0) {
        return true;
      }
      begin = text.indexOf("-----BEGIN ", end);
    }
    return false;
  }
}
