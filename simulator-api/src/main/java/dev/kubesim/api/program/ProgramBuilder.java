package dev.kubesim.api.program;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a {@link Program} from fixed parts: the ports (fixed, or the container's declared ones),
 * an HTTP handler, and the reaction to SIGTERM (exits promptly with 0 by default).
 */
public final class ProgramBuilder {
  private final ImageConfig image;
  private Function<Launch, List<ListenPort>> ports = launch -> List.of();
  private HttpHandler handler;
  private SigtermBehavior sigterm = SigtermBehavior.exitsPromptly(0);
  private boolean runsCommand;

  ProgramBuilder(ImageConfig image) {
    this.image = Objects.requireNonNull(image, "image");
  }

  /**
   * Listens on these ports whatever the spec says.
   *
   * @param value None
   * @return this builder
   */
  public ProgramBuilder listens(ListenPort... value) {
    List<ListenPort> fixed = ImmutableList.copyOf(value);
    ports = launch -> fixed;
    return this;
  }

  /**
   * Listens on each {@code containerPort} the container declares.
   *
   * @return this builder
   */
  public ProgramBuilder listensOnDeclaredPorts() {
    ports = Launch::declaredPorts;
    return this;
  }

  /**
   * Answers HTTP requests on the program's ports with this handler.
   *
   * @param value the handler
   * @return this builder
   */
  public ProgramBuilder http(HttpHandler value) {
    handler = Objects.requireNonNull(value, "handler");
    return this;
  }

  /**
   * What the program does when the kubelet sends it SIGTERM.
   *
   * @param value its behaviour: exit at once or after a shutdown, with an exit code
   * @return this builder
   */
  public ProgramBuilder onSigterm(SigtermBehavior value) {
    sigterm = Objects.requireNonNull(value, "sigterm");
    return this;
  }

  /**
   * The main process runs its command line through the container's userland (a client image such
   * as busybox) instead of serving; as PID 1 it then ignores SIGTERM.
   *
   * @return whether the main process runs its command line through the container's userland instead
   *     of serving
   */
  public ProgramBuilder runsCommand() {
    runsCommand = true;
    sigterm = SigtermBehavior.ignores();
    return this;
  }

  /**
   * Builds the {@code Program} from the fields set so far.
   *
   * @return a new {@code Program}
   */
  public Program build() {
    return new Built(image, ports, Optional.ofNullable(handler), sigterm, runsCommand);
  }

  private record Built(
      ImageConfig image,
      Function<Launch, List<ListenPort>> ports,
      Optional<HttpHandler> handler,
      SigtermBehavior sigterm,
      boolean runsCommand)
      implements Program {
    @Override
    public List<ListenPort> listenPorts(Launch launch) {
      return ports.apply(launch);
    }

    @Override
    public Optional<HttpHandler> httpHandler(Launch launch) {
      return handler;
    }

    @Override
    public SigtermBehavior onSigterm(Launch launch) {
      return sigterm;
    }

    @Override
    public MainProcess mainProcess(Launch launch) {
      return runsCommand ? MainProcess.command(launch.argv()) : MainProcess.serving();
    }
  }
}
