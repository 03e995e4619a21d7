package dev.kubesim.api;

/**
 * The front door: {@code KubeSim.cluster().nodes(3).seed(42).build()} gives a running in-memory
 * cluster.
 *
 * <pre>{@code
 * try (Cluster cluster = KubeSim.cluster().seed(42).build()) {
 *   cluster.apply(Path.of("k8s/"));
 *   System.out.print(cluster.kubectl("get svc").output());
 * }
 * }</pre>
 */
public final class KubeSim {
  private KubeSim() {}

  /** {@return a builder of a new cluster with the default options} */
  public static ClusterBuilder cluster() {
    return new ClusterBuilder();
  }
}
