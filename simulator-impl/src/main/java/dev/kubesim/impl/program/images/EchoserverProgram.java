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
import dev.kubesim.impl.http.HttpDates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kubernetes' {@code echoserver} (nginx with a Lua page, port 8080), the image of minikube's
 * {@code hello-minikube} and many Ingress examples: it answers every request with what it saw —
 * the pod's hostname, the client's address, the method, path and query, the headers (lower-cased,
 * sorted) and the body. Tags from 1.5 print the sectioned page of 1.10 ({@code Hostname:}, {@code
 * Pod Information:} from the {@code NODE_NAME}, {@code POD_NAME}, {@code POD_NAMESPACE} and {@code
 * POD_IP} variables when the pod sets them, {@code Server values:}, {@code Request Information:},
 * {@code Request Headers:}, {@code Request Body:}); 1.4 and before the older {@code CLIENT VALUES:}
 * page. nginx logs each request in its combined format.
 */
public final class EchoserverProgram implements Program {
  private static final DateTimeFormatter ACCESS_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.US).withZone(ZoneOffset.UTC);

  private final boolean legacy;
  private final String nginx;
  private final String lua;
  private final ImageConfig image;

  /** The echoserver of the tag: {@code 1.4} and before the old page; {@code 2.x} (the e2e image) nginx 1.12.2. */
  public EchoserverProgram(Optional<String> tag) {
    String t = tag.orElse("1.10");
    this.legacy = t.matches("1\\.[0-4]");
    boolean e2e = t.startsWith("2.");
    this.nginx = legacy ? "1.10.0" : e2e ? "1.12.2" : "1.13.3";
    this.lua = legacy ? "10001" : e2e ? "10010" : "10008";
    this.image = ImageConfig.builder(BaseImage.UBUNTU_TRUSTY)
        .cmd("nginx", "-g", "daemon off;")
        .file("/usr/sbin/nginx", "")
        .file("/usr/bin/curl", "")
        .created(Instant.parse(legacy ? "2016-05-01T00:00:00Z" : "2017-09-01T00:00:00Z"))
        .build();
  }

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
    return SigtermBehavior.exitsPromptly(0);
  }

  private HttpResponse handle(HttpRequest request, ServerContext ctx) {
    String body = legacy ? legacyPage(request) : page(request, ctx);
    int length = body.getBytes(StandardCharsets.UTF_8).length;
    ctx.log(request.clientIp() + " - - [" + ACCESS_TIME.format(ctx.now()) + "] \"" + request.method() + " "
        + request.target() + " HTTP/1.1\" 200 " + length + " \"" + request.header("Referer").orElse("-") + "\" \""
        + request.header("User-Agent").orElse("-") + "\"");
    return HttpResponse.ok(request.method().equals("HEAD") ? "" : body)
        .withHeader("Server", legacy ? "nginx/" + nginx : "echoserver")
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Content-Type", "text/plain")
        .withHeader("Transfer-Encoding", "chunked")
        .withHeader("Connection", "keep-alive");
  }

  /** The page of 1.5 and later. */
  private String page(HttpRequest request, ServerContext ctx) {
    Map<String, String> env = ctx.env();
    StringBuilder b = new StringBuilder("\n\nHostname: ").append(ctx.hostname()).append("\n\nPod Information:\n");
    if (env.containsKey("POD_NAME")) {
      b.append("\tnode name:\t").append(env.getOrDefault("NODE_NAME", "N/A")).append('\n')
          .append("\tpod name:\t").append(env.get("POD_NAME")).append('\n')
          .append("\tpod namespace:\t").append(env.getOrDefault("POD_NAMESPACE", "N/A")).append('\n')
          .append("\tpod IP:\t").append(env.getOrDefault("POD_IP", "N/A")).append('\n');
    } else {
      b.append("\t-no pod information available-\n");
    }
    b.append("\nServer values:\n\tserver_version=nginx: ").append(nginx).append(" - lua: ").append(lua).append("\n\n")
        .append("Request Information:\n")
        .append("\tclient_address=").append(request.clientIp()).append('\n')
        .append("\tmethod=").append(request.method()).append('\n')
        .append("\treal path=").append(request.target()).append('\n')
        .append("\tquery=").append(request.query()).append('\n')
        .append("\trequest_version=1.1\n")
        .append("\trequest_scheme=http\n")
        .append("\trequest_uri=http://").append(host(request)).append(":8080").append(request.target()).append("\n\n")
        .append("Request Headers:\n");
    headers(request).forEach((k, v) -> b.append('\t').append(k).append('=').append(v).append('\n'));
    b.append("\nRequest Body:\n").append(request.body().isEmpty() ? "\t-no body in request-\n" : request.body() + "\n");
    return b.append('\n').toString();
  }

  /** The page of 1.4 and before: values HTML-escaped, the body without a newline after it. */
  private String legacyPage(HttpRequest request) {
    StringBuilder b = new StringBuilder("CLIENT VALUES:\n")
        .append("client_address=").append(request.clientIp()).append('\n')
        .append("command=").append(escape(request.method())).append('\n')
        .append("real path=").append(escape(request.target())).append('\n')
        .append("query=").append(request.query().isEmpty() ? "nil" : escape(request.query())).append('\n')
        .append("request_version=1.1\n")
        .append("request_uri=").append(escape("http://" + host(request) + ":8080" + request.target())).append("\n\n")
        .append("SERVER VALUES:\nserver_version=nginx: ").append(nginx).append(" - lua: ").append(lua).append("\n\n")
        .append("HEADERS RECEIVED:\n");
    headers(request).forEach((k, v) -> b.append(k).append('=').append(escape(v)).append('\n'));
    return b.append("BODY:\n").append(request.body().isEmpty() ? "-no body in request-" : escape(request.body())).toString();
  }

  /** nginx's {@code $host}: the Host header without its port, else the address the request came to. */
  private static String host(HttpRequest request) {
    String host = request.header("Host").orElse("");
    if (host.isEmpty()) {
      String server = request.serverAddress();
      return server.contains(":") ? server.substring(0, server.lastIndexOf(':')) : server;
    }
    return host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
  }

  /** {@code ngx.req.get_headers()} sorted: names lower-cased, a repeated name's values joined. */
  private static Map<String, String> headers(HttpRequest request) {
    Map<String, String> out = new TreeMap<>();
    for (HttpHeader h : request.headers()) {
      out.merge(h.name().toLowerCase(Locale.ROOT), h.value(), (a, b) -> a + ", " + b);
    }
    return out;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
