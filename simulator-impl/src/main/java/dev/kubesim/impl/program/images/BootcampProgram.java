package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.MainProcess;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.api.program.SigtermBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The kubernetes.io "Kubernetes Basics" tutorial's app ({@code gcr.io/google-samples/
 * kubernetes-bootcamp:v1}, and {@code jocatalin/kubernetes-bootcamp:v2} that the rolling-update
 * module moves to): a Node.js server on port 8080 answering {@code Hello Kubernetes bootcamp! |
 * Running on: <hostname> | v=N}, logging its start and each request's count and uptime. Node as PID
 * 1 does not handle SIGTERM.
 */
public final class BootcampProgram implements Program {
  private static final int PORT = 8080;

  private final String version;
  private final ImageConfig image;

  /** The app of the image's tag: {@code v2} answers {@code v=2}, any other tag {@code v=1}. */
  public BootcampProgram(Optional<String> tag) {
    this.version = tag.filter(t -> t.matches("v\\d+")).map(t -> t.substring(1)).orElse("1");
    this.image = ImageConfig.builder(BaseImage.DEBIAN_JESSIE)
        .env("NODE_VERSION", "6.3.1")
        .cmd("/bin/sh", "-c", "node server.js")
        .file("/server.js", "")
        .file("/usr/local/bin/node", "")
        .file("/usr/bin/curl", "")
        .created(Instant.parse("2016-08-01T00:00:00Z"))
        .build();
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return serves(launch) ? List.of(ListenPort.tcp(PORT)) : List.of();
  }

  @Override
  public MainProcess mainProcess(Launch launch) {
    return serves(launch) ? MainProcess.serving() : MainProcess.command(DaemonCommand.execArgv(launch));
  }

  /** The image's own command ({@code sh -c "node server.js"}), or node named directly. */
  private boolean serves(Launch launch) {
    List<String> argv = DaemonCommand.execArgv(launch);
    return argv.equals(image.cmd()) || (!argv.isEmpty() && argv.get(0).endsWith("node"));
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of(this::handle);
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.ignores();
  }

  @Override
  public void onStart(Launch launch, ServerContext context) {
    // console.log('Kubernetes Bootcamp App Started At:', startTime, '| Running On: ', host, '\n')
    context.log("Kubernetes Bootcamp App Started At: " + context.now() + " | Running On:  " + context.hostname() + " \n");
  }

  private HttpResponse handle(HttpRequest request, ServerContext ctx) {
    Duration uptime = Duration.between(ctx.startedAt(), ctx.now());
    ctx.log("Running On: " + ctx.hostname() + " | Total Requests: " + ctx.requestCount() + " | App Uptime: "
        + seconds(uptime) + " seconds | Log Time: " + ctx.now());
    // setHeader('Content-Type') comes before node's own headers
    HttpResponse node = KubiaProgram.node(200, "Hello Kubernetes bootcamp! | Running on: " + ctx.hostname() + " | v="
        + version + "\n", request, ctx);
    List<dev.kubesim.api.program.HttpHeader> headers = new java.util.ArrayList<>();
    headers.add(dev.kubesim.api.program.HttpHeader.of("Content-Type", "text/plain"));
    headers.addAll(node.headers());
    return node.withHeaders(headers);
  }

  /** JavaScript's {@code (new Date() - startTime)/1000}: milliseconds over a thousand, as a number prints. */
  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
  }
}
