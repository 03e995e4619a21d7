package dev.kubesim.impl.controller;

import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.codec.CompactJson;
import dev.kubesim.impl.codec.ObjectCodec;
import java.nio.charset.StandardCharsets;

/**
 * The {@code pod-template-hash} label of a Deployment's ReplicaSets: an FNV-1a 32-bit hash of the
 * pod template (and the collision count), written as its decimal digits mapped onto Kubernetes'
 * alphabet, as {@code controller.ComputeHash} and {@code rand.SafeEncodeString} do. The bytes
 * hashed are kubesim's JSON of the template, so the values differ from a real cluster's, but they
 * change exactly when the template does.
 */
public final class PodTemplateHash {
  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private PodTemplateHash() {}

  /** The {@code pod-template-hash} of a Deployment's template with its {@code status.collisionCount}. */
  public static String of(PodTemplateSpec template, int collisionCount) {
    String json = CompactJson.text(ObjectCodec.encodeValue(template));
    int hash = 0x811c9dc5;
    for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    if (collisionCount > 0) {
      for (byte b : Integer.toString(collisionCount).getBytes(StandardCharsets.UTF_8)) {
        hash ^= b & 0xff;
        hash *= 0x01000193;
      }
    }
    String digits = Long.toString(Integer.toUnsignedLong(hash));
    StringBuilder out = new StringBuilder(digits.length());
    for (char c : digits.toCharArray()) {
      out.append(ALPHANUMS.charAt(c % ALPHANUMS.length()));
    }
    return out.toString();
  }
}
