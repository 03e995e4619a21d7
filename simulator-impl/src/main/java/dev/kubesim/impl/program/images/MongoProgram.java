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
import java.util.List;
import java.util.Optional;

/**
 * The {@code mongo} image: {@code mongod} listening on 27017 (or {@code --port N}). Its wire
 * protocol is not simulated (there is no {@code mongosh} here); what it does answer is what mongod
 * answers an HTTP client on its driver port — {@code 200} with {@code It looks like you are trying
 * to access MongoDB over HTTP on the native driver port.} — so {@code curl mongo:27017} shows it.
 * Ubuntu (jammy) userland; it exits promptly on SIGTERM.
 */
public final class MongoProgram implements Program {
  /** mongod's answer to a request that starts with {@code GET} on its driver port. */
  static final String HTTP_ANSWER = "It looks like you are trying to access MongoDB over HTTP on the native driver port.\n";

  private final ImageConfig image = ImageConfig.builder(BaseImage.DEBIAN)
      .entrypoint("docker-entrypoint.sh")
      .cmd("mongod")
      .workingDir("/")
      .file("/usr/bin/mongod", "")
      .file("/usr/local/bin/docker-entrypoint.sh", "")
      .build();

  @Override
  public ImageConfig image() {
    return image;
  }

  private static DaemonCommand daemon(Launch launch) {
    return DaemonCommand.of(launch, "mongod");
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    DaemonCommand d = daemon(launch);
    return d.runs() ? List.of(ListenPort.tcp(d.intOption("--port", 27017))) : List.of();
  }

  @Override
  public MainProcess mainProcess(Launch launch) {
    return daemon(launch).runs() ? MainProcess.serving() : MainProcess.command(DaemonCommand.execArgv(launch));
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    // asio_session: a first message starting with "GET" gets this fixed HTTP/1.0 answer, then the connection closes
    return Optional.of((request, ctx) -> new HttpResponse(200, "OK", List.of(), HTTP_ANSWER)
        .withHeader("Connection", "close")
        .withHeader("Content-Type", "text/plain")
        .withHeader("Content-Length", Integer.toString(HTTP_ANSWER.length())));
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.exitsPromptly(0);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    int port = daemon(launch).intOption("--port", 27017);
    ctx.log("{\"t\":{\"$date\":\"" + ctx.now() + "\"},\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23016,   \"ctx\":\"listener\","
        + "\"msg\":\"Waiting for connections\",\"attr\":{\"port\":" + port + ",\"ssl\":\"off\"}}");
  }
}
