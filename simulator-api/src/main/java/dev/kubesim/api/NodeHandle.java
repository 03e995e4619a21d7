package dev.kubesim.api;

/**
 * One node of a cluster, for failure drills: {@link #stop()} takes its kubelet down as a node
 * that lost power or network does, {@link #start()} brings it back. Obtained from {@link
 * Cluster#node(String)}; calls take the cluster's lock, like the cluster's own methods.
 *
 * <p>While a node is stopped its kubelet does nothing: no lease renewals, no pod status updates, no
 * probes, and {@code exec}/{@code logs} into its pods fail as the API server fails to reach it.
 * After the node-monitor grace period (40 s of virtual time) the node lifecycle controller marks it
 * {@code NotReady} and taints it {@code node.kubernetes.io/unreachable}; once the pods' toleration
 * of that taint runs out (300 s by default) they are evicted and their controllers replace them on
 * other nodes. The evicted pods stay {@code Terminating} until the node starts again.
 */
public interface NodeHandle {
  /** {@return the node's name ({@code node-1})} */
  String name();

  /** {@return the node's InternalIP} */
  String ip();

  /** Takes the node's kubelet down; nothing happens if it is already stopped. Returns at once. */
  void stop();

  /**
   * Brings the kubelet back: it renews its lease, reports {@code Ready}, resumes its pods and
   * finishes the ones marked for deletion meanwhile; then the cluster settles.
   */
  void start();

  /** {@return whether the node's kubelet runs} */
  boolean isRunning();
}
