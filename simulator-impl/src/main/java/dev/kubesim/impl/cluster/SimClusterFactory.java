package dev.kubesim.impl.cluster;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ClusterFactory;
import dev.kubesim.api.ClusterOptions;

/** Builds {@link SimCluster}s; found by {@link java.util.ServiceLoader} from the API's builder. */
public final class SimClusterFactory implements ClusterFactory {
  @Override
  public Cluster create(ClusterOptions options) {
    return SimCluster.start(options);
  }
}
