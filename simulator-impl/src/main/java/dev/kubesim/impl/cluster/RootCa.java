package dev.kubesim.impl.cluster;

import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The cluster's CA bundle as kubeadm leaves it in {@code /etc/kubernetes/pki/ca.crt}: one PEM
 * {@code CERTIFICATE} block, drawn from the cluster's seed so that the same seed gives the same
 * bundle. The block has a certificate's size and DER outer header, not a parseable certificate;
 * other generated keys and certificates ({@link #block}) are made the same way.
 */
final class RootCa {
  /** The DER length of a kubeadm CA certificate (a 2048-bit RSA key, CN=kubernetes). */
  private static final int DER_LENGTH = 777;
  private static final int LINE = 64;

  private RootCa() {}

  /** The PEM text, ending with a newline, from bytes drawn from {@code random}. */
  static String pem(SplittableRandom random) {
    return block("CERTIFICATE", DER_LENGTH, random);
  }

  /**
   * A PEM block of this type holding {@code derLength} bytes drawn from {@code random}, behind the
   * DER SEQUENCE header such a block begins with (one length byte up to 127, else two).
   */
  static String block(String type, int derLength, SplittableRandom random) {
    byte[] der = new byte[derLength];
    random.nextBytes(der);
    der[0] = 0x30;
    if (derLength - 2 < 128) {
      der[1] = (byte) (derLength - 2);
    } else {
      int body = derLength - 4;
      der[1] = (byte) 0x82;
      der[2] = (byte) (body >> 8);
      der[3] = (byte) body;
    }
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder("-----BEGIN " + type + "-----\n");
    for (int i = 0; i < base64.length(); i += LINE) {
      out.append(base64, i, Math.min(base64.length(), i + LINE)).append('\n');
    }
    return out.append("-----END " + type + "-----\n").toString();
  }
}
