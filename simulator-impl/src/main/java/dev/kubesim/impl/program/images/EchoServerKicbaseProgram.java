package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.BaseImage;
import dev.kubesim.api.program.HttpHandler;
import dev.kubesim.api.program.HttpHeader;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code kicbase/echo-server} (minikube's build of {@code jmalloc/echo-server}), the image of
 * minikube's getting-started page: a Go server on {@code $PORT} (8080) answering every request with
 * {@code Request served by HOSTNAME}, the request line as {@code HTTP/1.1 GET /}, the {@code Host}
 * and then the other header fields sorted by name, and the body, as {@code text/plain}.
 */
public final class EchoServerKicbaseProgram implements Program {
  private final ImageConfig image = ImageConfig.builder(BaseImage.ALPINE)
      .env("PORT", "8080")
      .cmd("/bin/echo-server")
      .file("/bin/echo-server", "")
      .created(Instant.parse("2023-01-01T00:00:00Z"))
      .build();

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return List.of(ListenPort.tcp(8080));
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of(this::handle);
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    // a Go server without a handler of its own: Go's runtime exits 2 on SIGTERM, even as PID 1
    return SigtermBehavior.exitsPromptly(2);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    ctx.log("Echo server listening on port 8080.");
  }

  private HttpResponse handle(HttpRequest request, ServerContext ctx) {
    StringBuilder b = new StringBuilder("Request served by ").append(ctx.hostname()).append("\n\n")
        .append("HTTP/1.1 ").append(request.method()).append(' ').append(request.target()).append("\n\n");
    Map<String, String> fields = new TreeMap<>();
    String host = "";
    for (HttpHeader h : request.headers()) {
      String name = GoHttp.canonicalHeaderKey(h.name());
      if (name.equals("Host")) {
        host = h.value();
      } else {
        fields.merge(name, h.value(), (a, c) -> a + "," + c);
      }
    }
    b.append("Host: ").append(host).append('\n');
    fields.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
    if (!request.body().isEmpty()) {
      b.append('\n').append(request.body());
    }
    return GoHttp.response(200, b.toString(), "text/plain", ctx);
  }
}
