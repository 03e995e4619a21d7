package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.http.GoHttp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * GKE's quickstart app ({@code us-docker.pkg.dev/google-samples/containers/gke/hello-app}, also at
 * {@code gcr.io/google-samples/hello-app}): a Go server on {@code $PORT} (8080 in the image)
 * answering every path with {@code Hello, world!}, its version ({@code 1.0.0} for tag {@code 1.0},
 * {@code 2.0.0} for {@code 2.0}) and the pod's hostname, and logging {@code Serving request: PATH}.
 * It installs no signal handler: on SIGTERM Go's runtime exits with status 2 (PID 1 or not).
 */
public final class HelloAppProgram implements Program {
  private final String version;
  private final ImageConfig image;

  /** The app of the tag, as Artifact Registry has it: distroless. */
  public HelloAppProgram(Optional<String> tag) {
    this(tag, false);
  }

  /**
   * The app of the tag: {@code N.M} reports {@code N.M.0}; other tags the first release's 1.0.0.
   *
   * @param alpine the first builds, kept at {@code gcr.io/google-samples/hello-app}: the binary on
   *     Alpine, so that its shell and tools are there ({@code kubectl exec envar-demo -- printenv}
   *     of kubernetes.io's environment variables task); the later ones are distroless
   */
  public HelloAppProgram(Optional<String> tag, boolean alpine) {
    this.version = tag.filter(t -> t.matches("\\d+\\.\\d+")).map(t -> t + ".0").orElse("1.0.0");
    this.image = alpine
        ? ImageConfig.builder(BaseImage.ALPINE)
            .env("PORT", "8080")
            .cmd("./hello-app")
            .file("/hello-app", "")
            .created(Instant.parse("2018-03-01T00:00:00Z"))
            .build()
        : ImageConfig.builder(BaseImage.DISTROLESS)
            .env("PORT", "8080")
            .cmd("/hello-app")
            .file("/hello-app", "")
            .created(Instant.parse("2021-06-01T00:00:00Z"))
            .build();
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return List.of(ListenPort.tcp(port(launch)));
  }

  /** {@code $PORT} as the container sets it, else the image's 8080. */
  private static int port(Launch launch) {
    return launch.container().env().stream()
        .filter(e -> e.name().filter("PORT"::equals).isPresent())
        .map(e -> e.value().orElse(""))
        .filter(v -> v.matches("\\d{1,5}"))
        .map(Integer::parseInt)
        .reduce((a, b) -> b)
        .orElse(8080);
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of(this::handle);
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    // Go's runtime handles SIGTERM; with no handler of the program's own it exits 2, even as PID 1
    return SigtermBehavior.exitsPromptly(2);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    ctx.log(GoHttp.logLine(ctx, "Server listening on port " + port(launch)));
  }

  private HttpResponse handle(HttpRequest request, ServerContext ctx) {
    ctx.log(GoHttp.logLine(ctx, "Serving request: " + request.path()));
    return GoHttp.response(200, "Hello, world!\nVersion: " + version + "\nHostname: " + ctx.hostname() + "\n", ctx);
  }
}
