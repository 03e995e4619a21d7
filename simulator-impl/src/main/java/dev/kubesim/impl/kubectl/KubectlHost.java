package dev.kubesim.impl.kubectl;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.kubelet.KubeletStreams;
import dev.kubesim.impl.sim.EventLoop;
import java.util.Optional;

/**
 * What kubectl needs of the cluster beyond the API server, as the real kubectl reaches a kubelet
 * through the API server's exec and log streams ({@link KubeletStreams}): the cluster's clock, its
 * nodes' kubelets, and the machine kubectl runs on. The cluster's wiring implements it; kubectl knows
 * nothing else of it.
 */
public interface KubectlHost extends KubeletStreams {
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

  /**
   * Runs a shell command line on the machine kubectl runs on, reading this standard input: the
   * commands after kubectl in a pipeline ({@code kubectl get pods | grep kubia}) run there, as a
   * terminal's shell runs them, with the same tools the containers' userland has.
   */
  ExecResult runOnHost(String shellCommand, String stdin);

  /**
   * Listens on the terminal host's local port and forwards each connection to the pod's port, as
   * {@code kubectl port-forward} does through the kubelet, until the returned handle closes it.
   *
   * @return the handle that stops forwarding, or empty when the local port is taken
   */
  Optional<Runnable> forwardFromHost(Pod pod, int localPort, int podPort);
}
