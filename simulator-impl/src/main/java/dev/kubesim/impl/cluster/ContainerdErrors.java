package dev.kubesim.impl.cluster;

import dev.kubesim.api.KubeSimException;
import java.util.SplittableRandom;

/**
 * containerd's answer, through the kubelet and the API server, when an exec cannot start the
 * program it names: an {@code InternalError} status, {@code Internal error occurred: error executing
 * command in container: failed to exec in container: failed to start exec "<id>": OCI runtime exec
 * failed: ...}, which kubectl prints after {@code error: } and exits 1.
 */
public final class ContainerdErrors {
  private ContainerdErrors() {}

  /**
   * The status message for an exec that could not start.
   *
   * @param ociMessage the runtime's own words ({@code OCI runtime exec failed: exec failed: ...: unknown})
   */
  public static String execStartFailure(SimCluster cluster, String ociMessage) {
    return "Internal error occurred: error executing command in container: failed to exec in container: "
        + "failed to start exec \"" + execId(cluster) + "\": " + ociMessage;
  }

  /** {@link #execStartFailure} as the exception the API reports it with. */
  static KubeSimException execStartException(SimCluster cluster, String ociMessage) {
    return new KubeSimException("InternalError", 500, execStartFailure(cluster, ociMessage));
  }

  /** containerd names each exec with 32 random bytes in hex; drawn from the cluster's seed here. */
  private static String execId(SimCluster cluster) {
    SplittableRandom random = cluster.loop().random().stream("containerd/exec-id");
    StringBuilder id = new StringBuilder(64);
    for (int i = 0; i < 4; i++) {
      id.append(String.format("%016x", random.nextLong()));
    }
    return id.toString();
  }
}
