package dev.kubesim.api;

/**
 * The service-provider interface that builds clusters; simulator-impl provides it through {@link
 * java.util.ServiceLoader}. Users call {@link KubeSim#cluster()} instead.
 */
public interface ClusterFactory {
  /**
   * Builds and boots a cluster.
   *
   * @param options the cluster's options
   * @return the running cluster
   */
  Cluster create(ClusterOptions options);
}
