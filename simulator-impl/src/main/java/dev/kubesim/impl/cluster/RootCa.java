package dev.kubesim.impl.cluster;

import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The cluster's CA bundle as kubeadm leaves it in {@code /etc/kubernetes/pki/ca.crt}: one PEM
 * {@code CERTIFICATE} block, drawn from the cluster's seed so that the same seed gives the same
 * bundle. The block has a certificate's size and DER outer header, not a parseable certificate.
 */
final class RootCa {
  /** The DER length of a kubeadm CA certificate (a 2048-bit RSA key, CN=kubernetes). */
  private static final int DER_LENGTH = 777;
  private static final int LINE = 64;

  private RootCa() {}

  /** The PEM text, ending with a newline, from bytes drawn from {@code random}. */
  static String pem(SplittableRandom random) {
    byte[] der = new byte[DER_LENGTH];
    random.nextBytes(der);
    // SEQUENCE with a two-byte length, as every certificate of this size begins ("MII...").
    int body = DER_LENGTH - 4;
    der[0] = 0x30;
    der[1] = (byte) 0x82;
    der[2] = (byte) (body >> 8);
    der[3] = (byte) body;
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
    for (int i = 0; i < base64.length(); i += LINE) {
      out.append(base64, i, Math.min(base64.length(), i + LINE)).append('\n');
    }
    return out.append("-----END CERTIFICATE-----\n").toString();
  }
}
