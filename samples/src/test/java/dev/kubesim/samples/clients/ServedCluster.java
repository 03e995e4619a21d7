package dev.kubesim.samples.clients;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServeOptions;
import dev.kubesim.api.ServedApi;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A simulated cluster served over HTTP, and a fabric8 client connected to it as its users connect:
 * through the kubeconfig the server hands out. Virtual time is stepped by calls (the default): the
 * cluster settles before each read, so what a client sees depends only on the seed and the calls.
 */
final class ServedCluster implements AutoCloseable {
  static final long SEED = 7;

  private final Cluster cluster;
  private final ServedApi api;
  private final KubernetesClient client;

  private ServedCluster(Cluster cluster, ServeOptions options) {
    this.cluster = cluster;
    this.api = cluster.serve(options);
    this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(api.kubeconfig())).build();
  }

  /** A 3-node cluster with {@link #SEED}, time stepped by calls. */
  static ServedCluster start() {
    return new ServedCluster(KubeSim.cluster().seed(SEED).nodes(3).build(), ServeOptions.defaults());
  }

  Cluster cluster() {
    return cluster;
  }

  ServedApi api() {
    return api;
  }

  KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    cluster.close();
  }
}
