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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code traefik/whoami}, the app of Traefik's and many Ingress examples: a Go server on {@code
 * --port} ({@code WHOAMI_PORT_NUMBER}, default 80) that answers with {@code Name:} (when {@code
 * --name} or {@code WHOAMI_NAME} gives one), {@code Hostname:}, its addresses ({@code IP:} for the
 * loopback and the pod's), {@code RemoteAddr:} and the request as Go writes it (request line,
 * {@code Host}, {@code User-Agent}, the other fields sorted, CRLF line ends); {@code /health} answers
 * 200 with no body.
 */
public final class WhoamiProgram implements Program {
  private final ImageConfig image = ImageConfig.builder(BaseImage.DISTROLESS)
      .entrypoint("/whoami")
      .file("/whoami", "")
      .build();

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return List.of(ListenPort.tcp(port(launch)));
  }

  private static int port(Launch launch) {
    Optional<String> env = launch.container().env().stream()
        .filter(e -> e.name().filter("WHOAMI_PORT_NUMBER"::equals).isPresent())
        .map(e -> e.value().orElse("")).filter(v -> !v.isEmpty()).reduce((a, b) -> b);
    String port = launch.flag("port").or(() -> env).orElse("80");
    return port.matches("\\d{1,5}") ? Integer.parseInt(port) : 80;
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of((request, ctx) -> handle(launch, request, ctx));
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.exitsPromptly(2);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    ctx.log(GoHttp.logLine(ctx, "Starting up on port " + port(launch)));
  }

  private HttpResponse handle(Launch launch, HttpRequest request, ServerContext ctx) {
    if (request.path().equals("/health")) {
      return GoHttp.response(200, "", ctx);
    }
    StringBuilder b = new StringBuilder();
    String name = launch.flag("name").orElse(ctx.env().getOrDefault("WHOAMI_NAME", ""));
    if (!name.isEmpty()) {
      b.append("Name: ").append(name).append('\n');
    }
    b.append("Hostname: ").append(ctx.hostname()).append('\n');
    b.append("IP: 127.0.0.1\nIP: ::1\nIP: ").append(ctx.podIp()).append('\n');
    b.append("RemoteAddr: ").append(request.clientAddress()).append('\n');
    // Request.Write: the request line, Host, User-Agent, then the other fields in key order
    b.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
    b.append("Host: ").append(request.header("Host").orElse("")).append("\r\n");
    request.header("User-Agent").ifPresent(ua -> b.append("User-Agent: ").append(ua).append("\r\n"));
    Map<String, String> rest = new TreeMap<>();
    for (HttpHeader h : request.headers()) {
      String key = GoHttp.canonicalHeaderKey(h.name());
      if (!key.equals("Host") && !key.equals("User-Agent")) {
        rest.merge(key, h.value(), (x, y) -> x + "\r\n" + key + ": " + y);
      }
    }
    rest.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    b.append("\r\n").append(request.body());
    return GoHttp.response(200, b.toString(), ctx);
  }
}
