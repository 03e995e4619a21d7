package dev.kubesim.api;

/**
 * The service-provider interface that builds clusters; simulator-impl provides it through {@link
 * java.util.ServiceLoader}. Users call {@link KubeSim#cluster()} instead.
 */
public interface ClusterFactory {
  Cluster create(ClusterOptions options);
}
