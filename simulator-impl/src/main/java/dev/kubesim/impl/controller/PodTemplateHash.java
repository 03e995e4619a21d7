package dev.kubesim.impl.controller;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
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

  /**
   * Hashes already computed, by template and collision count. The hash is a pure function of
   * immutable values, and every cluster's CoreDNS (and every run of a test suite's manifests) hashes
   * the same templates; serialising one costs about as much as building a small cluster's objects.
   */
  private static final Cache<Key, String> HASHES = CacheBuilder.newBuilder().maximumSize(1_024).build();

  private record Key(PodTemplateSpec template, int collisionCount) {}

  private PodTemplateHash() {}

  /** The {@code pod-template-hash} of a Deployment's template with its {@code status.collisionCount}. */
  public static String of(PodTemplateSpec template, int collisionCount) {
    Key key = new Key(template, collisionCount);
    String hash = HASHES.getIfPresent(key);
    if (hash == null) {
      hash = compute(template, collisionCount);
      HASHES.put(key, hash);
    }
    return hash;
  }

  private static String compute(PodTemplateSpec template, int collisionCount) {
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
