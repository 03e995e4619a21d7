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
import dev.kubesim.impl.http.NginxPages;
import dev.kubesim.impl.net.Session;
import dev.kubesim.impl.program.ProxyingServer;
import dev.kubesim.impl.program.TlsServer;
import java.util.List;
import java.util.Optional;

/**
 * {@code registry.k8s.io/ingress-nginx/controller} ({@code /nginx-ingress-controller} on Alpine):
 * nginx on 80 and 443, the controller's health and metrics server on 10254 ({@code /healthz}
 * answers {@code 200 ok}, which the add-on's probes use), whatever the container declares.
 *
 * <p>Requests on 80 and 443 go to the {@link Frontend} the add-on gives it: the controller's
 * routing and the proxying to the backend ({@code dev.kubesim.impl.ingress.NetworkProxy}). Without
 * one (the image run outside the add-on) it answers as an nginx without any Ingress: the default
 * server's {@code 404 Not Found}.
 */
public final class IngressNginxProgram implements Program, ProxyingServer, TlsServer {
  /** nginx's side of the controller: answers a request that reached the pod on 80 or 443. */
  @FunctionalInterface
  public interface Frontend {
    /**
     * @param request the request as the pod received it
     * @param tls whether it came in on the HTTPS port (443)
     * @param client the session of the client whose request came over the network, if it did
     */
    ProxyingServer.Proxied serve(HttpRequest request, boolean tls, Optional<Session> client);
  }

  static final String DEFAULT_VERSION = "v1.11.3";
  private static final int HEALTH_PORT = 10254;
  /** The nginx each controller release bundles, for the start banner. */
  private static final String NGINX_VERSION = "nginx/1.25.5";

  private final String version;
  private final Optional<Frontend> frontend;
  private final ImageConfig image = ImageConfig.builder(BaseImage.ALPINE)
      .entrypoint("/usr/bin/dumb-init", "--")
      .cmd("/nginx-ingress-controller")
      .file("/nginx-ingress-controller", "")
      .file("/usr/bin/dumb-init", "")
      .file("/wait-shutdown", "")
      .file("/etc/nginx/nginx.conf", "")
      .build();

  /** The controller as the given tag ({@code v1.11.3}); other tags run {@value #DEFAULT_VERSION}. */
  public IngressNginxProgram(Optional<String> tag) {
    this(tag, Optional.empty());
  }

  /** The controller as the given tag, its nginx answering through the frontend when given. */
  public IngressNginxProgram(Optional<String> tag, Optional<Frontend> frontend) {
    this.version = tag.filter(t -> t.matches("v\\d+\\.\\d+\\.\\d+")).orElse(DEFAULT_VERSION);
    this.frontend = frontend;
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return List.of(ListenPort.tcp(80), ListenPort.tcp(443), ListenPort.tcp(HEALTH_PORT));
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of(this::handle);
  }

  private HttpResponse handle(HttpRequest request, ServerContext ctx) {
    if (request.serverPort() != HEALTH_PORT) {
      return frontend.map(f -> f.serve(request, request.serverPort() == 443, Optional.empty()).response())
          .orElseGet(() -> NginxPages.notFound(ctx.now()));
    }
    if (request.path().equals("/healthz")) {
      return GoHttp.response(200, "ok", ctx);
    }
    if (request.path().equals("/metrics")) {
      return GoHttp.response(200, "# HELP nginx_ingress_controller_build_info A metric with a constant '1' labeled with "
          + "information about the build.\n# TYPE nginx_ingress_controller_build_info gauge\n"
          + "nginx_ingress_controller_build_info{release=\"" + version + "\"} 1\n", ctx);
    }
    return GoHttp.response(404, "404 page not found\n", ctx).withHeader("X-Content-Type-Options", "nosniff");
  }

  /** nginx terminates TLS on 443 (with the Ingress's certificate or its default fake one). */
  @Override
  public boolean terminatesTlsOn(Launch launch, int port) {
    return port == 443;
  }

  /** nginx's ports go through the frontend, with the client's session, when there is one. */
  @Override
  public boolean proxiesOn(Launch launch, int port) {
    return frontend.isPresent() && port != HEALTH_PORT;
  }

  @Override
  public Proxied proxy(Launch launch, HttpRequest request, Session client) {
    return frontend.orElseThrow().serve(request, request.serverPort() == 443, Optional.of(client));
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.exitsPromptly(0);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    for (String line : List.of(
        "-------------------------------------------------------------------------------",
        "NGINX Ingress controller",
        "  Release:       " + version,
        "  Repository:    https://github.com/kubernetes/ingress-nginx",
        "  nginx version: " + NGINX_VERSION,
        "",
        "-------------------------------------------------------------------------------",
        "")) {
      ctx.log(line);
    }
  }
}
