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
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code registry.k8s.io/coredns/coredns} ({@code ENTRYPOINT ["/coredns"]}) running the add-on's
 * Corefile: DNS on 53/UDP and 53/TCP, the {@code health} plugin on 8080 ({@code /health}), {@code
 * ready} on 8181 ({@code /ready}) and {@code prometheus} on 9153 ({@code /metrics}), whatever the
 * container declares. The HTTP endpoints answer {@code 200 OK} as those plugins do; other paths get
 * Go's {@code 404 page not found}. DNS itself is answered by {@code dev.kubesim.impl.dns.CoreDns},
 * which reads the cluster; this program is the process the kubelet runs and probes. {@code health
 * { lameduck 5s }} makes it exit 0 five seconds after SIGTERM.
 */
public final class CoreDnsProgram implements Program {
  static final String DEFAULT_VERSION = "1.11.3";
  private static final int HEALTH_PORT = 8080;
  private static final int READY_PORT = 8181;
  private static final int METRICS_PORT = 9153;

  private final String version;
  private final ImageConfig image = ImageConfig.builder(BaseImage.DISTROLESS)
      .entrypoint("/coredns")
      .file("/coredns", "")
      .build();

  /** CoreDNS as the given tag ({@code v1.11.3}); other tags run {@value #DEFAULT_VERSION}. */
  public CoreDnsProgram(Optional<String> tag) {
    this.version = tag.filter(t -> t.matches("v?\\d+\\.\\d+\\.\\d+")).map(t -> t.replaceFirst("^v", ""))
        .orElse(DEFAULT_VERSION);
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return List.of(ListenPort.udp(53), ListenPort.tcp(53), ListenPort.tcp(HEALTH_PORT), ListenPort.tcp(READY_PORT),
        ListenPort.tcp(METRICS_PORT));
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of(this::handle);
  }

  private HttpResponse handle(HttpRequest request, ServerContext ctx) {
    String path = request.path();
    int port = request.serverPort();
    if ((port == HEALTH_PORT && path.equals("/health")) || (port == READY_PORT && path.equals("/ready"))) {
      return GoHttp.response(200, "OK", ctx);
    }
    if (port == METRICS_PORT && path.equals("/metrics")) {
      return GoHttp.response(200, "# HELP coredns_build_info A metric with a constant '1' value labeled by version, "
          + "revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\n"
          + "coredns_build_info{version=\"" + version + "\"} 1\n", ctx);
    }
    return GoHttp.response(404, "404 page not found\n", ctx).withHeader("X-Content-Type-Options", "nosniff");
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.exitsAfter(Duration.ofSeconds(5), 0);
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    ctx.log(".:53");
    ctx.log("CoreDNS-" + version);
  }
}
