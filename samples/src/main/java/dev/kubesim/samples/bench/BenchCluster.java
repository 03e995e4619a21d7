package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;

/** A cluster a request benchmark measures in, built on first use and kept for every sample. */
interface BenchCluster {
  /** The cluster, built on the first call. */
  Cluster cluster();
}
