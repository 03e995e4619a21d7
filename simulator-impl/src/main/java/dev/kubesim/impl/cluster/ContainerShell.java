package dev.kubesim.impl.cluster;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.PodShell;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.kubelet.PodWorker;
import dev.kubesim.impl.program.AttachedShell;
import dev.kubesim.impl.program.ContainerSession;
import dev.kubesim.impl.program.RunningContainer;
import dev.kubesim.impl.program.ShellSession;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ShellSession} in a pod's container, reached as {@code kubectl exec} reaches it: each line
 * runs under the cluster's lock with the network's traces captured (the cluster's last exec trace
 * is the line's, when it sent something), and the cluster settles after it.
 */
public final class ContainerShell implements PodShell, AttachedShell {

  private final SimCluster cluster;
  private final ContainerSession session;
  private final String node;
  /** Set when the shell is the container's main process: its output is the container's log, its end the container's. */
  private final Optional<PodWorker.MainInput> main;

  private ContainerShell(SimCluster cluster, ContainerSession session) {
    this(cluster, session, Optional.empty());
  }

  private ContainerShell(SimCluster cluster, ContainerSession session, Optional<PodWorker.MainInput> main) {
    this.cluster = cluster;
    this.session = session;
    this.main = main;
    RunningContainer c = session.container();
    this.node = cluster.api().get(Pod.KIND, c.namespace(), c.podName()).map(p -> PodStates.nodeName((Pod) p)).orElse("");
  }

  /**
   * The shell dies when its container stops: the pod deleted and gone, or the container restarted
   * (a new instance runs), as the kubelet's worker for the pod shows it.
   */
  private ContainerSession live() {
    RunningContainer c = session.container();
    boolean running = cluster.kubelet(node)
        .flatMap(k -> k.worker(new ObjectKey(c.namespace(), c.podName())))
        .flatMap(w -> w.container(c.name()))
        .filter(now -> now == c)
        .isPresent();
    if (!running) {
      session.containerStopped();
    }
    return session;
  }

  /**
   * Opens the shell {@code command} names in the container an exec would reach (the first one
   * when {@code container} is empty); with an empty command, bash where the image has it and
   * {@code sh} otherwise.
   *
   * @throws dev.kubesim.api.KubeSimException as {@code exec} would fail to reach the container, or
   *     with reason {@code InternalError} when the image lacks the program
   * @throws IllegalArgumentException when the command is not a shell reading its input
   */
  static ContainerShell open(SimCluster cluster, String pod, String container, List<String> command, boolean terminal) {
    List<String> probe = command.isEmpty() ? List.of("sh") : command;
    RunningContainer running = PodExec.container(cluster, pod, container, probe);
    List<String> argv = command.isEmpty()
        ? (running.execStartError(List.of("bash")).isEmpty() ? List.of("bash") : List.of("sh"))
        : command;
    Optional<String> startError = running.execStartError(argv);
    if (startError.isPresent()) {
      if (startError.get().startsWith("OCI runtime")) {
        throw ContainerdErrors.execStartException(cluster, startError.get());
      }
      throw new IllegalArgumentException(startError.get());
    }
    return ShellSession.open(running, argv, terminal).map(s -> new ContainerShell(cluster, s))
        .orElseThrow(() -> new IllegalArgumentException("not a shell reading its input: " + String.join(" ", argv)
            + " (run it with exec)"));
  }

  /**
   * The session of the shell {@code argv} starts in a pod's container, or empty when {@code argv}
   * starts no shell reading its input (it then runs as a plain exec). The caller has checked that
   * the program can start.
   *
   * @throws dev.kubesim.api.KubeSimException as {@code exec} would fail to reach the container
   */
  public static Optional<ContainerShell> attach(SimCluster cluster, String pod, String container, List<String> argv,
      boolean terminal) {
    return cluster.underLock(() -> ContainerSession.open(PodExec.container(cluster, pod, container, argv), argv, terminal)
        .map(s -> new ContainerShell(cluster, s)));
  }

  /**
   * Attaches to a container's main process, when it is a shell waiting for its input ({@code
   * kubectl run -i -- sh}, {@code kubectl attach -i}): what is typed goes to that shell, what it
   * prints goes to the container's log as well, and when it ends the container ends with its status.
   *
   * @param pod {@code namespace/name}
   * @param container the container's name
   * @return the shell, or empty when the main process reads no input
   */
  public static Optional<ContainerShell> attachMain(SimCluster cluster, String pod, String container, boolean terminal) {
    return cluster.underLock(() -> {
      int slash = pod.indexOf('/');
      ObjectKey key = new ObjectKey(pod.substring(0, slash), pod.substring(slash + 1));
      Optional<Pod> found = cluster.api().get(Pod.KIND, key.namespace(), key.name()).map(Pod.class::cast);
      Optional<PodWorker.MainInput> input = found.flatMap(p -> cluster.kubelet(PodStates.nodeName(p)))
          .flatMap(k -> k.worker(key))
          .flatMap(w -> w.mainInput(container));
      return input.flatMap(in -> ShellSession.open(in.container(), in.argv(), terminal)
          .map(s -> new ContainerShell(cluster, s, Optional.of(in))));
    });
  }

  /** After a line (or the input's end) of a main process: its output into the log, its end the container's. */
  private void afterLine(ShellSession.Line line) {
    if (main.isEmpty()) {
      return;
    }
    cluster.underLock(() -> {
      session.container().logAttached(line.stdout(), line.stderr());
      if (!session.isOpen()) {
        main.get().ended().accept(session.exitStatus().orElse(line.status()));
      }
      return null;
    });
  }

  /** Whether a terminal is attached (the shell is interactive). */
  @Override
  public boolean terminal() {
    return session.terminal();
  }

  @Override
  public String prompt() {
    return cluster.underLock(() -> live().prompt());
  }

  /** The line as the API reports it: the shell's streams, {@code $?}, the time it took, the trace. */
  @Override
  public ExecResult run(String line) {
    Typed typed = type(line);
    ShellSession.Line l = typed.line();
    return new ExecResult(l.stdout(), l.stderr(), l.status(), l.elapsed(), typed.trace());
  }

  /** Runs a line and returns what the terminal showed as well. */
  @Override
  public Typed type(String line) {
    ShellSession.Line[] done = new ShellSession.Line[1];
    ExecResult traced = cluster.execTraced(() -> {
      done[0] = live().run(line);
      return ExecResult.of("", "", done[0].status());
    });
    afterLine(done[0]);
    return new Typed(done[0], traced.trace());
  }

  /** Ends the input (Ctrl-D) and returns what the terminal showed then. */
  @Override
  public ShellSession.Line endOfInput() {
    ShellSession.Line last = cluster.underLock(() -> live().endOfInput());
    afterLine(last);
    return last;
  }

  @Override
  public boolean isOpen() {
    return cluster.underLock(() -> live().isOpen());
  }

  @Override
  public Optional<Integer> exitCode() {
    return cluster.underLock(() -> live().exitStatus());
  }

  @Override
  public void close() {
    if (isOpen()) {
      endOfInput();
    }
  }
}
