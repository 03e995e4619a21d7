package dev.kubesim.impl.program;

import dev.kubesim.api.program.ImageReference;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.Programs;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The node's container runtime: starts containers from images, running the program each image
 * stands for. One per cluster (the program and command registries are the cluster's); it has no
 * threads and reads time only from the simulation's clock.
 *
 * <pre>{@code
 * ContainerRuntime runtime = ContainerRuntime.withBuiltins(clock::nanos);
 * RunningContainer c = runtime.start(ContainerConfig.builder("kubia-x7k2p", "default", spec)
 *     .podIp("10.244.1.5").env(kubeletEnv).resolvConf(resolvConf).build());
 * c.exec(List.of("ls", "/var/ready"));
 * c.serveHttp(request);
 * }</pre>
 */
public final class ContainerRuntime {
  private final Programs programs;
  private final CommandRegistry commands;
  private final LongSupplier nanos;

  /**
   * @param nanos the simulation's clock: virtual nanoseconds since the cluster started
   */
  public ContainerRuntime(Programs programs, CommandRegistry commands, LongSupplier nanos) {
    this.programs = Objects.requireNonNull(programs, "programs");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.nanos = Objects.requireNonNull(nanos, "nanos");
  }

  /** A runtime with the built-in images and commands. */
  public static ContainerRuntime withBuiltins(LongSupplier nanos) {
    return new ContainerRuntime(
        ProgramRegistry.withBuiltins(), CommandRegistry.withBuiltins(), nanos);
  }

  /** The images the runtime knows; register more here. */
  public Programs programs() {
    return programs;
  }

  /** The commands containers can run; register more here (curl, wget, nslookup...). */
  public CommandRegistry commands() {
    return commands;
  }

  /**
   * Creates and starts a container: lays out its files, composes its environment, starts its main
   * process (a server's start hook runs; a command line runs up to its first wait).
   *
   * @throws IllegalArgumentException if the container has no image or the image reference is
   *     invalid (the kubelet reports {@code InvalidImageName} before getting here)
   */
  public RunningContainer start(ContainerConfig config) {
    RunningContainer c = start(config, programs.resolve(imageName(config)));
    c.builtinProgram(programs instanceof ProgramRegistry r && r.isBuiltin(imageName(config)));
    return c;
  }

  /**
   * Marks what is registered so far as kubesim's own: programs and commands registered later are
   * the user's, whose effects kubesim cannot foresee.
   */
  public void sealBuiltins() {
    if (programs instanceof ProgramRegistry r) {
      r.sealBuiltins();
    }
    commands.sealBuiltins();
  }

  /**
   * Starts a container running this program rather than the one registered for its image: a
   * userland that is no image of the registry (a host outside the cluster), with the same commands.
   *
   * @throws IllegalArgumentException as {@link #start(ContainerConfig)}
   */
  public RunningContainer start(ContainerConfig config, Program program) {
    RunningContainer container =
        new RunningContainer(config, ImageReference.parse(imageName(config)), program, commands, nanos);
    container.start();
    return container;
  }

  private static String imageName(ContainerConfig config) {
    return config.container().image().orElseThrow(
        () -> new IllegalArgumentException("container \"" + config.containerName()
            + "\" has no image"));
  }
}
