package dev.kubesim.api;

import java.net.URI;

/**
 * A cluster's Kubernetes API served over plain HTTP on the loopback address, for real clients: the
 * real {@code kubectl}, the Java clients, operators. Every request is a call on the cluster and
 * takes the cluster's lock. A write answers once the API server and the controllers have reacted
 * at the current instant; the cluster settles (image pulls, container starts: what takes virtual
 * time) before the next read, or the next call through {@link Cluster}, so that a burst of writes
 * such as one kubectl command's requests is seen together, as a real API server sees requests that
 * arrive milliseconds apart.
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
  /** {@return where the API is served: {@code http://127.0.0.1:PORT}} */
  URI url();

  /**
   * A kubeconfig whose current context ({@code kubesim}) reaches this server, namespace {@code
   * default}, without credentials.
   *
   * @return the kubeconfig's YAML
   */
  String kubeconfig();

  /** Stops serving: open watches end, the port is released. The cluster stays. */
  @Override
  void close();
}
