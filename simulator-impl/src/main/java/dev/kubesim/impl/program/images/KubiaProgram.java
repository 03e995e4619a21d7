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
import dev.kubesim.impl.http.HttpDates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code luksa/kubia} and {@code luksa/kubia-unhealthy} from "Kubernetes in Action": a Node.js
 * server ({@code FROM node:7}, {@code ADD app.js /app.js}, {@code ENTRYPOINT ["node", "app.js"]})
 * on port 8080 that answers every request {@code 200 You've hit <hostname>\n}. The unhealthy
 * variant answers so five times, then {@code 500 I'm not well. Please restart me!}.
 *
 * <p>Node as PID 1 installs no SIGTERM handler, so the kernel's default action does not apply and
 * the container lives until SIGKILL at the end of the grace period (exit code 137).
 */
public final class KubiaProgram implements Program {
  private static final String APP_JS = """
      const http = require('http');
      const os = require('os');

      console.log("Kubia server starting...");

      var handler = function(request, response) {
        console.log("Received request from " + request.connection.remoteAddress);
        response.writeHead(200);
        response.end("You've hit " + os.hostname() + "\\n");
      };

      var www = http.createServer(handler);
      www.listen(8080);
      """;

  private static final String UNHEALTHY_APP_JS = """
      const http = require('http');
      const os = require('os');

      console.log("Kubia server starting...");

      var requestCount = 0;

      var handler = function(request, response) {
        console.log("Received request from " + request.connection.remoteAddress);
        requestCount++;
        if (requestCount > 5) {
          response.writeHead(500);
          response.end("I'm not well. Please restart me!");
          return;
        }
        response.writeHead(200);
        response.end("You've hit " + os.hostname() + "\\n");
      };

      var www = http.createServer(handler);
      www.listen(8080);
      """;

  private static final int PORT = 8080;
  private static final int HEALTHY_REQUESTS = 5;

  private final boolean unhealthy;
  private final ImageConfig image;

  private KubiaProgram(boolean unhealthy) {
    this.unhealthy = unhealthy;
    this.image = ImageConfig.builder(BaseImage.DEBIAN_JESSIE)
        .env("NPM_CONFIG_LOGLEVEL", "info")
        .env("NODE_VERSION", "7.10.1")
        .entrypoint("node", "app.js")
        .file("/app.js", unhealthy ? UNHEALTHY_APP_JS : APP_JS)
        .file("/usr/local/bin/node", "")
        // buildpack-deps under node:7 brings curl, wget and ping; the book curls from kubia pods
        .file("/usr/bin/curl", "")
        .file("/usr/bin/wget", "")
        .file("/bin/ping", "")
        .created(Instant.parse("2017-05-01T00:00:00Z"))
        .build();
  }

  /** {@code luksa/kubia}. */
  public static KubiaProgram healthy() {
    return new KubiaProgram(false);
  }

  /** {@code luksa/kubia-unhealthy}: 500 from the sixth request on. */
  public static KubiaProgram unhealthy() {
    return new KubiaProgram(true);
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return serves(launch) ? List.of(ListenPort.tcp(PORT)) : List.of();
  }

  /** The server, or the command that replaced it ({@code command: [sh, -c, ...]} runs that instead, listening nowhere). */
  @Override
  public MainProcess mainProcess(Launch launch) {
    return serves(launch) ? MainProcess.serving() : MainProcess.command(DaemonCommand.execArgv(launch));
  }

  private static boolean serves(Launch launch) {
    List<String> argv = DaemonCommand.execArgv(launch);
    String first = argv.isEmpty() ? "" : argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    return first.equals("node") || first.equals("nodejs");
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
    context.log("Kubia server starting...");
  }

  private HttpResponse handle(HttpRequest request, ServerContext ctx) {
    // node listens on '::', so an IPv4 peer shows as an IPv4-mapped IPv6 address
    String peer = request.clientIp();
    ctx.log("Received request from " + (peer.contains(":") ? peer : "::ffff:" + peer));
    if (unhealthy && ctx.requestCount() > HEALTHY_REQUESTS) {
      return node(500, "I'm not well. Please restart me!", request, ctx);
    }
    return node(200, "You've hit " + ctx.hostname() + "\n", request, ctx);
  }

  /**
   * As node's http module sends {@code writeHead(status)} + {@code end(body)}: the header is
   * flushed before the body's length is known, so the body goes chunked.
   */
  static HttpResponse node(int status, String body, HttpRequest request, ServerContext ctx) {
    boolean close = request.header("Connection").filter(v -> v.equalsIgnoreCase("close")).isPresent();
    return HttpResponse.status(status, body)
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Connection", close ? "close" : "keep-alive")
        .withHeader("Transfer-Encoding", "chunked");
  }
}
