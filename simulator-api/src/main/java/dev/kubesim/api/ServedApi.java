package dev.kubesim.api;

import java.net.URI;

/**
 * A cluster's Kubernetes API served over plain HTTP on the loopback address, for real clients: the
 * real {@code kubectl}, the Java clients, operators. Every request is a call on the cluster: it
 * takes the cluster's lock and, when it writes, returns once the cluster has settled, as {@link
 * Cluster#apply(String)} does.
 *
 * <pre>{@code
 * try (Cluster cluster = KubeSim.cluster().seed(42).build()) {
 *   ServedApi api = cluster.serve();
 *   Files.writeString(kubeconfig, api.kubeconfig());
 *   // kubectl --kubeconfig kubeconfig get pods
 * }
 * }</pre>
 *
 * <p>Closed with its cluster, or earlier by {@link #close()}.
 */
public interface ServedApi extends AutoCloseable {
  /** Where the API is served: {@code http://127.0.0.1:PORT}. */
  URI url();

  /**
   * A kubeconfig whose current context ({@code kubesim}) reaches this server, namespace {@code
   * default}, without credentials.
   */
  String kubeconfig();

  /** Stops serving: open watches end, the port is released. The cluster stays. */
  @Override
  void close();
}
