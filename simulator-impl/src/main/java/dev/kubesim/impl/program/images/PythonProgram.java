package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.ImageReference;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.MainProcess;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.program.commands.Python;
import java.util.List;
import java.util.Optional;

/**
 * The {@code python} image (Python 3.12 on Debian bookworm, {@code CMD ["python3"]}): {@code python
 * -m http.server [PORT] [--directory DIR]} serves the container's working directory (or {@code
 * DIR}) on 8000 ({@link PythonHttpServer}); any other command line runs as a command, so
 * {@code python3} with no script exits at once for lack of input. The server's {@code Serving HTTP
 * on ...} line is not logged: Python buffers standard output when it is no terminal, as in a real
 * pod without {@code PYTHONUNBUFFERED}; the request lines go to standard error and are logged. As
 * PID 1 without a SIGTERM handler it ignores the stop signal and is killed at the grace period's end.
 */
public final class PythonProgram implements Program {
  /** The repository whose version table the python program reads. */
  static final String REPOSITORY = "docker.io/library/python";

  private final String version;
  private final ImageConfig image;

  /** Python of the default version. */
  public PythonProgram() {
    this(Optional.empty());
  }

  /** Python as the given tag ({@code 3.11}, {@code 3.11.9-slim}): its version, or the default one. */
  public PythonProgram(Optional<String> tag) {
    this.version = ImageVersions.version(REPOSITORY, tag, Python.VERSION);
    this.image = ImageConfig.builder(BaseImage.DEBIAN)
        .cmd("python3")
        .env("LANG", "C.UTF-8")
        .env("PYTHON_VERSION", version)
        .file("/usr/local/bin/python3", "")
        .file("/usr/local/bin/python", "")
        .file("/usr/local/bin/pip", "")
        .build();
  }

  /**
   * The version of Python in a container of this image: its tag's.
   *
   * @param image the container's image
   * @return the tag's version, or the default for a tag that names none or another image
   */
  public static String version(ImageReference image) {
    return image.repository().equals("library/python")
        ? ImageVersions.version(REPOSITORY, image.tag(), Python.VERSION) : Python.VERSION;
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  /** The module's arguments when the command line is {@code python[3] -m http.server ...}. */
  private static Optional<List<String>> httpServer(Launch launch) {
    List<String> argv = launch.argv();
    if (argv.size() < 3) {
      return Optional.empty();
    }
    String exe = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    boolean python = exe.equals("python") || exe.equals("python3") || exe.startsWith("python3.");
    return python && argv.get(1).equals("-m") && argv.get(2).equals("http.server")
        ? Optional.of(argv.subList(3, argv.size())) : Optional.empty();
  }

  private static int port(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("--bind") || a.equals("-b") || a.equals("--directory") || a.equals("-d")
          || a.equals("--protocol") || a.equals("-p")) && i + 1 < args.size()) {
        i++;
      } else if (!a.startsWith("-")) {
        try {
          return Integer.parseInt(a);
        } catch (NumberFormatException e) {
          return -1; // argparse rejects it and the process exits 2
        }
      }
    }
    return 8000;
  }

  private static Optional<String> directory(List<String> args) {
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("--directory") || args.get(i).equals("-d")) {
        return Optional.of(args.get(i + 1));
      }
    }
    return Optional.empty();
  }

  @Override
  public MainProcess mainProcess(Launch launch) {
    Optional<List<String>> server = httpServer(launch);
    return server.isPresent() && port(server.get()) >= 1 && port(server.get()) <= 65535
        ? MainProcess.serving() : MainProcess.command(launch.argv());
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return httpServer(launch).filter(a -> port(a) >= 1 && port(a) <= 65535)
        .map(a -> List.of(ListenPort.tcp(port(a)))).orElse(List.of());
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return httpServer(launch).map(args -> {
      String dir = directory(args).orElse(launch.container().workingDir().orElse(image.workingDir()));
      PythonHttpServer server = new PythonHttpServer(dir, version);
      return server::handle;
    });
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    // PID 1 gets no default signal action and Python installs no SIGTERM handler: killed after the grace period
    return SigtermBehavior.ignores();
  }
}
