package dev.kubesim.impl.kubectl;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.ExecResult;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.sim.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What kubectl needs of the cluster beyond the API server, as the real kubectl reaches a kubelet
 * through the API server's exec and log streams: the cluster's clock, its nodes' kubelets, exec in
 * a container (with input, or attached to a shell), and containerd's words for an exec that cannot
 * start. The cluster's wiring implements it; kubectl knows nothing else of it.
 */
public interface KubectlHost {
  /** The API server kubectl talks to. */
  ApiServer api();

  /** The cluster's event loop: its clock, and settling after writes. */
  EventLoop loop();

  /** The options the cluster was built with (its nodes' addresses, for {@code cluster-info}). */
  ClusterOptions options();

  /** The port the API server is reached on, as the kubeconfig names it. */
  int apiServerPort();

  /** The kubelet of a node, for a container's logs and state. */
  Optional<Kubelet> kubelet(String node);

  /** Lets virtual time pass (a command that keeps a terminal waiting). */
  void advance(Duration duration);

  /** Runs a command in a pod's container with this standard input, as {@code kubectl exec -i} does. */
  ExecResult exec(String pod, String container, List<String> command, String stdin);

  /**
   * Attaches to a shell started in a pod's container ({@code kubectl exec -i POD -- bash}); empty
   * when the command starts no shell reading its input (it then runs as a plain exec).
   *
   * @param terminal whether a terminal is attached ({@code -t})
   */
  Optional<AttachedShell> attach(String pod, String container, List<String> argv, boolean terminal);

  /** The API's status message for an exec that could not start, around the runtime's own words. */
  String execStartFailure(String ociMessage);

  /**
   * Runs a shell command line on the machine kubectl runs on, reading this standard input: the
   * commands after kubectl in a pipeline ({@code kubectl get pods | grep kubia}) run there, as a
   * terminal's shell runs them, with the same tools the containers' userland has.
   */
  ExecResult runOnHost(String shellCommand, String stdin);
}
