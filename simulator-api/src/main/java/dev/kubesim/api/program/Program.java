package dev.kubesim.api.program;

import java.util.List;
import java.util.Optional;

/**
 * What an image does when a container runs it: its configuration and files, the ports its process
 * listens on, how it answers HTTP, and how it reacts to being stopped.
 *
 * <p>Every method gets the {@link Launch} (the container spec and the computed command line), so
 * that one image can behave differently by its arguments, as agnhost does by its sub-command. A
 * program is shared by all containers of its image and keeps no state of its own: per-container
 * state lives in {@link ServerContext#state()}.
 *
 * <p>Simple programs are made with {@link #builder}:
 *
 * <pre>{@code
 * programs.register("example/echo", Program.builder()
 *     .listens(ListenPort.tcp(8080))
 *     .http((request, context) -> HttpResponse.ok(request.body()))
 *     .build());
 * }</pre>
 */
public interface Program {
  /**
   * The image's configuration and files.
   *
   * @return the image's configuration and files
   */
  ImageConfig image();

  /**
   * The ports the process listens on; empty for a client image.
   *
   * @param launch how the container was started: its image, command, arguments, environment and
   *     ports
   * @return the ports the process listens on; empty for a client image
   */
  List<ListenPort> listenPorts(Launch launch);

  /**
   * The server that answers HTTP on every listened TCP port, if the process serves HTTP.
   *
   * @param launch how the container was started: its image, command, arguments, environment and
   *     ports
   * @return the server that answers HTTP on every listened TCP port, if the process serves HTTP
   */
  Optional<HttpHandler> httpHandler(Launch launch);

  /**
   * How the process reacts to the stop signal.
   *
   * @param launch how the container was started: its image, command, arguments, environment and
   *     ports
   * @return how the process reacts to the stop signal
   */
  SigtermBehavior onSigterm(Launch launch);

  /**
   * Whether the process serves until signalled or runs its command line. Servers by default.
   *
   * @param launch how the container was started: its image, command, arguments, environment and
   *     ports
   * @return whether the process serves until signalled or runs its command line
   */
  default MainProcess mainProcess(Launch launch) {
    return MainProcess.serving();
  }

  /**
   * Called once when the container starts, e.g. to write the process's first log lines.
   *
   * @param launch how the container was started: its image, command, arguments, environment and
   *     ports
   * @param context what the server can see of its container: hostname, environment, clock, files
   */
  default void onStart(Launch launch, ServerContext context) {}

  /**
   * A builder of a simple program on a Debian userland.
   *
   * @return a builder of a simple program on a Debian userland
   */
  static ProgramBuilder builder() {
    return new ProgramBuilder(ImageConfig.builder(BaseImage.DEBIAN).build());
  }

  /**
   * A builder of a simple program with this image configuration.
   *
   * @param image the container image, as a pod's {@code image} names it
   * @return a builder of a simple program with this image configuration
   */
  static ProgramBuilder builder(ImageConfig image) {
    return new ProgramBuilder(image);
  }
}
