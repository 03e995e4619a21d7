package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ImageConfig;
import dev.kubesim.api.program.Launch;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.MainProcess;
import dev.kubesim.api.program.Program;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.api.program.SigtermBehavior;
import dev.kubesim.impl.program.RawServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code rabbitmq} image: {@code rabbitmq-server} with AMQP 0-9-1 on 5672 and, in the {@code
 * -management} tags, the management plugin's HTTP on 15672. AMQP itself is not simulated: a client
 * that does not open with the protocol header {@code AMQP\0\0\9\1} gets that header back and the
 * connection closed, as the broker answers any other protocol. The management port serves its
 * page's title at {@code /} and asks for credentials ({@code 401}) on {@code /api/...}.
 * Ubuntu userland; it exits promptly on SIGTERM.
 */
public final class RabbitMqProgram implements Program, RawServer {
  static final int AMQP = 5672;
  static final int MANAGEMENT = 15672;
  /** The AMQP 0-9-1 protocol header the broker answers a wrong greeting with. */
  static final String PROTOCOL_HEADER = "AMQP\u0000\u0000\u0009\u0001";

  private final boolean management;
  private final ImageConfig image = ImageConfig.builder(BaseImage.DEBIAN)
      .entrypoint("docker-entrypoint.sh")
      .cmd("rabbitmq-server")
      .file("/opt/rabbitmq/sbin/rabbitmq-server", "")
      .file("/opt/rabbitmq/sbin/rabbitmqctl", "")
      .file("/usr/local/bin/docker-entrypoint.sh", "")
      .build();

  private final String version;

  /** The broker of the default version; with the management plugin for the {@code -management} tags. */
  public RabbitMqProgram(boolean management) {
    this(management, Optional.empty());
  }

  /**
   * The broker as the given tag: the management plugin for the {@code -management} tags, the
   * tag's version ({@code 3.12} → 3.12.14) or the default, 3.13.7.
   */
  public RabbitMqProgram(boolean management, Optional<String> tag) {
    this.management = management;
    this.version = ImageVersions.version("docker.io/library/rabbitmq", tag, "3.13.7");
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  private static boolean runs(Launch launch) {
    return DaemonCommand.of(launch, "rabbitmq-server").runs();
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    List<ListenPort> ports = new ArrayList<>();
    if (runs(launch)) {
      ports.add(ListenPort.tcp(AMQP));
      if (management) {
        ports.add(ListenPort.tcp(MANAGEMENT));
      }
    }
    return ports;
  }

  @Override
  public MainProcess mainProcess(Launch launch) {
    return runs(launch) ? MainProcess.serving() : MainProcess.command(DaemonCommand.execArgv(launch));
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return management ? Optional.of(this::management) : Optional.empty();
  }

  /** HTTP only on the management port. */
  @Override
  public boolean speaksHttpOn(Launch launch, int port) {
    return port == MANAGEMENT;
  }

  private HttpResponse management(dev.kubesim.api.program.HttpRequest request, ServerContext ctx) {
    if (request.path().startsWith("/api/")) {
      String body = "{\"error\":\"not_authorized\",\"reason\":\"Not_Authorized\"}";
      return new HttpResponse(401, "Unauthorized", List.of(), body)
          .withHeader("content-type", "application/json")
          .withHeader("www-authenticate", "Basic realm=\"RabbitMQ Management\"")
          .withHeader("content-length", Integer.toString(body.length()));
    }
    String page = "<!DOCTYPE html>\n<html>\n  <head>\n    <title>RabbitMQ Management</title>\n  </head>\n</html>\n";
    return new HttpResponse(200, "OK", List.of(), page)
        .withHeader("content-type", "text/html")
        .withHeader("content-length", Integer.toString(page.length()));
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.exitsPromptly(0);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    ctx.log(ctx.now() + " [info] <0.230.0> Starting RabbitMQ " + version + " on Erlang 26.2.5");
    ctx.log(ctx.now() + " [info] <0.664.0> started TCP listener on [::]:" + AMQP);
    if (management) {
      ctx.log(ctx.now() + " [info] <0.770.0> Management plugin: HTTP (non-TLS) listener started on port " + MANAGEMENT);
    }
    ctx.log(ctx.now() + " [info] <0.9.0> Server startup complete; " + (management ? 5 : 0) + " plugins started.");
  }

  @Override
  public Optional<String> acceptTcp(Launch launch, int port, String client, ServerContext ctx) {
    return Optional.empty();
  }

  @Override
  public Optional<String> receiveTcp(Launch launch, int port, String data, String client, ServerContext ctx) {
    if (port != AMQP || data.startsWith(PROTOCOL_HEADER)) {
      return Optional.empty();
    }
    return Optional.of(PROTOCOL_HEADER); // rabbit_reader: refuse the unknown protocol with the one it speaks
  }

  @Override
  public Optional<String> answerDatagram(Launch launch, int port, String data, String client, ServerContext ctx) {
    return Optional.empty();
  }
}
