package dev.kubesim.impl.kubelet;

import dev.kubesim.impl.sim.Sha256;
import java.util.HashMap;
import java.util.Map;

/** How a container runtime reports images: fully qualified names and content digests. */
final class Images {
  private Images() {}

  /** {@code luksa/kubia} → {@code docker.io/luksa/kubia:latest}; {@code nginx} → {@code docker.io/library/nginx:latest}. */
  static String reported(String image) {
    String name = image;
    String digest = "";
    int at = name.indexOf('@');
    if (at >= 0) {
      digest = name.substring(at);
      name = name.substring(0, at);
    }
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasRegistry = slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
    if (!hasRegistry) {
      name = "docker.io/" + (slash < 0 ? "library/" : "") + name;
    }
    int lastSlash = name.lastIndexOf('/');
    boolean hasTag = name.indexOf(':', lastSlash) >= 0;
    if (!hasTag && digest.isEmpty()) {
      name = name + ":latest";
    }
    return name + digest;
  }

  /**
   * Image IDs by reported name, one table per cluster ({@link KubeletDependencies}): every node that
   * runs an image reports the same ID, and a status write asks for it on every sync, so each name is
   * hashed once per cluster.
   */
  static final class IdTable {
    private final Map<String, String> ids = new HashMap<>();

    /** {@link Images#imageId(String)} of the reported name, hashed on first request. */
    String imageId(String reported) {
      return ids.computeIfAbsent(reported, Images::imageId);
    }
  }

  /** A stable digest-style image ID for an image name. */
  static String imageId(String reported) {
    int at = reported.indexOf('@');
    String name = at < 0 ? reported : reported.substring(0, at);
    int colon = name.lastIndexOf(':');
    String repo = colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    if (at >= 0) {
      return repo + reported.substring(at); // pulled by digest: the digest is the image's ID
    }
    return repo + "@sha256:" + Sha256.hex(reported);
  }
}
