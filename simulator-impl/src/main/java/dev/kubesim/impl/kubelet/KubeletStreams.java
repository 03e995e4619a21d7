package dev.kubesim.impl.kubelet;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.program.AttachedShell;
import dev.kubesim.impl.program.LogLine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the kubelets serve through the API server's streaming subresources — a pod's {@code exec},
 * {@code attach} and {@code log} — as both the served API ({@code pods/exec} over WebSocket) and
 * kubesim's own kubectl reach them. The cluster's wiring implements it; each call takes the
 * cluster's lock itself.
 */
public interface KubeletStreams {
  /**
   * Runs a command in a pod's container with this standard input, as {@code kubectl exec -i} does.
   *
   * @param pod {@code namespace/name}
   */
  ExecResult exec(String pod, String container, List<String> command, String stdin);

  /**
   * {@link #exec(String, String, List, String)} with a terminal ({@code kubectl exec -t}): the
   * command's standard output is a terminal ({@code isatty(1)}), so curl shows no progress meter.
   *
   * @param pod {@code namespace/name}
   */
  default ExecResult execAtTerminal(String pod, String container, List<String> command, String stdin) {
    return exec(pod, container, command, stdin);
  }

  /**
   * Attaches to a shell started in a pod's container ({@code kubectl exec -i POD -- bash}); empty
   * when the command starts no shell reading its input (it then runs as a plain exec).
   *
   * @param pod {@code namespace/name}
   * @param terminal whether a terminal is attached ({@code -t})
   */
  Optional<AttachedShell> attach(String pod, String container, List<String> argv, boolean terminal);

  /**
   * Attaches to a container's main process when it is a shell waiting for its input ({@code
   * stdin: true}, as {@code kubectl run -i -- sh} starts it): what is typed goes to it, what it
   * prints to the container's log too, and its end is the container's.
   *
   * @param pod {@code namespace/name}
   * @return the attached shell; empty when the main process reads no input
   */
  Optional<AttachedShell> attachMain(String pod, String container, boolean terminal);

  /**
   * Why the container runtime cannot start this command in a running container (a program the
   * image lacks), as the API's status message words it; empty when it can start.
   */
  Optional<String> execStartFailure(Pod pod, String container, List<String> command);

  /** The lines of a container's log, as the kubelet serves them (see {@link ContainerLogs}). */
  List<LogLine> logs(Pod pod, String container, boolean previous);

  /**
   * Opens a connection to {@code localhost:port} in a pod's network namespace, as {@code kubectl
   * port-forward} has the container runtime dial it.
   *
   * @throws PortForward.Refused in the runtime's words, when nothing listens there
   */
  ForwardedConnection portForward(Pod pod, int port) throws PortForward.Refused;

  /** A forwarded connection; each call takes the cluster's lock. */
  interface ForwardedConnection {
    /** Sends the client's bytes; the answer of the pod's server to them, empty when there is none. */
    byte[] send(byte[] data);

    /** Closes the connection (the client closed its own). */
    void close();
  }

  /** Lets virtual time pass: what a command or a typed line took. */
  void advance(Duration duration);
}
