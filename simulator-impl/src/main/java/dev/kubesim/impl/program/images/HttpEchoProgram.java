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
import java.util.List;
import java.util.Optional;

/**
 * {@code hashicorp/http-echo}, the app of many Ingress examples (kind's {@code foo-app} and {@code
 * bar-app}): a Go server on {@code -listen} (default {@code :5678}) answering every path with the
 * {@code -text} and a newline, {@code /health} with {@code {"status":"ok"}}, with its {@code
 * X-App-Name} and {@code X-App-Version} headers and a log line per request. Without text (1.0 also
 * reads {@code ECHO_TEXT}) it exits 127 with its complaint.
 */
public final class HttpEchoProgram implements Program {
  private final String version;
  private final boolean readsEnvText;
  private final ImageConfig image;

  /** The server of the tag: its version ({@code 0.2.3} and before without {@code ECHO_TEXT}), 1.0.0 when it names none. */
  public HttpEchoProgram(Optional<String> tag) {
    this.version = tag.filter(t -> t.matches("\\d+\\.\\d+\\.\\d+")).orElse("1.0.0");
    this.readsEnvText = !version.startsWith("0.");
    this.image = ImageConfig.builder(BaseImage.DISTROLESS)
        .entrypoint("/http-echo")
        .file("/http-echo", "")
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

  /** The port of {@code -listen} ({@code :5678}, {@code 0.0.0.0:8080}). */
  private static int port(Launch launch) {
    String listen = launch.flag("listen").orElse(":5678");
    String digits = listen.substring(listen.lastIndexOf(':') + 1);
    return digits.matches("\\d{1,5}") ? Integer.parseInt(digits) : 5678;
  }

  private Optional<String> text(Launch launch, ServerContext ctx) {
    Optional<String> flag = launch.flag("text").filter(t -> !t.isEmpty());
    if (flag.isPresent() || !readsEnvText) {
      return flag;
    }
    return Optional.ofNullable(ctx.env().get("ECHO_TEXT")).filter(t -> !t.isEmpty());
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of((request, ctx) -> handle(launch, request, ctx));
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    // it waits for SIGINT only; SIGTERM meets Go's runtime handler, which exits 2, even as PID 1
    return SigtermBehavior.exitsPromptly(2);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    if (text(launch, ctx).isEmpty()) {
      ctx.log(readsEnvText ? "Missing -text option OR ENV var TEXT is empty!" : "Missing -text option!");
      ctx.exit(127);
      return;
    }
    ctx.log(GoHttp.logLine(ctx, "[INFO] server is listening on " + launch.flag("listen").orElse(":5678")));
  }

  private HttpResponse handle(Launch launch, HttpRequest request, ServerContext ctx) {
    boolean health = request.path().equals("/health");
    String body = health ? "{\"status\":\"ok\"}\n" : text(launch, ctx).orElse("") + "\n";
    HttpResponse r = GoHttp.response(200, body, ctx)
        .withHeader("X-App-Name", "http-echo")
        .withHeader("X-App-Version", version);
    if (!health) {
      // "%v %s %s \"%s %s %s\" %d %d \"%s\" %v": time, Host, remote address, request line, status, size, agent, duration
      ctx.log(GoHttp.logLine(ctx, request.header("Host").orElse("") + " " + request.clientAddress() + " \"" + request.method()
          + " " + request.path() + " HTTP/1.1\" 200 " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " \"" + request.header("User-Agent").orElse("")
          + "\" 0s")); // Go's Duration of the handler's time: none passes in virtual time
    }
    return r;
  }
}
