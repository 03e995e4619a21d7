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
import dev.kubesim.impl.program.DialingServer;
import dev.kubesim.impl.program.PodDialer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The official {@code nginx} image with its default site: port 80, files from {@code
 * /usr/share/nginx/html} (the welcome page at {@code /}), nginx's own error pages, and an access
 * log line per request on standard output. The files are read from the container at each request,
 * so a page changed with {@code kubectl exec} is served changed.
 *
 * <p>The image's {@code STOPSIGNAL SIGQUIT} makes nginx shut down gracefully and exit 0 at once
 * when idle. The version in headers and pages is the tag's ({@link ImageVersions}: {@code 1.14.2}
 * as written, {@code 1.14} its newest patch); other tags get {@value #DEFAULT_VERSION}. Tags of the Alpine variants run on Alpine's BusyBox userland
 * (with its {@code wget}), the others on Debian; both have curl, as the image installs it ({@link
 * #shipsCurl}).
 */
public final class NginxProgram implements Program, DialingServer {
  static final String DEFAULT_VERSION = "1.27.3";

  static final String INDEX_HTML = """
      <!DOCTYPE html>
      <html>
      <head>
      <title>Welcome to nginx!</title>
      <style>
      html { color-scheme: light dark; }
      body { width: 35em; margin: 0 auto;
      font-family: Tahoma, Verdana, Arial, sans-serif; }
      </style>
      </head>
      <body>
      <h1>Welcome to nginx!</h1>
      <p>If you see this page, the nginx web server is successfully installed and
      working. Further configuration is required.</p>

      <p>For online documentation and support please refer to
      <a href="http://nginx.org/">nginx.org</a>.<br/>
      Commercial support is available at
      <a href="http://nginx.com/">nginx.com</a>.</p>

      <p><em>Thank you for using nginx.</em></p>
      </body>
      </html>
      """;

  static final String FIFTY_X_HTML = """
      <!DOCTYPE html>
      <html>
      <head>
      <title>Error</title>
      <style>
      html { color-scheme: light dark; }
      body { width: 35em; margin: 0 auto;
      font-family: Tahoma, Verdana, Arial, sans-serif; }
      </style>
      </head>
      <body>
      <h1>An error occurred.</h1>
      <p>Sorry, the page you are looking for is currently unavailable.<br/>
      Please try again later.</p>
      <p>If you are the system administrator of this resource then you should check
      the error log for details.</p>
      <p><em>Faithfully yours, nginx.</em></p>
      </body>
      </html>
      """;

  private static final String ROOT = "/usr/share/nginx/html";
  private static final DateTimeFormatter ACCESS_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.US)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ERROR_LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String version;
  private final ImageConfig image;
  /** The host {@code location /} proxies to ({@code proxy_pass http://HOST}), or null for the default site. */
  private final String upstream;

  /** nginx as the given tag (or the default version when the tag is not a version). */
  public NginxProgram(Optional<String> tag) {
    this(tag, false, null);
  }

  /**
   * {@code gcr.io/google-samples/hello-frontend}, the frontend of kubernetes.io's "Connect a
   * Frontend to a Backend Using Services": nginx whose configuration passes every request to the
   * {@code hello} Service on port 80 ({@code upstream} / {@code proxy_pass}), from its pod.
   */
  public static NginxProgram helloFrontend() {
    return new NginxProgram(Optional.of("1.19.2"), false, "hello");
  }

  /**
   * {@code registry.k8s.io/nginx-slim}, the Kubernetes tests' nginx (the StatefulSet tutorial's):
   * the same server and site, with {@code curl} in the image.
   */
  public static NginxProgram slim(Optional<String> tag) {
    return new NginxProgram(tag, true, null);
  }

  private NginxProgram(Optional<String> tag, boolean curl, String upstream) {
    this.upstream = upstream;
    this.version = ImageVersions.version("docker.io/library/nginx", tag, DEFAULT_VERSION);
    String variant = tag.orElse("");
    ImageConfig.Builder image = ImageConfig.builder(alpine(variant) ? BaseImage.ALPINE : BaseImage.DEBIAN)
        .env("NGINX_VERSION", version)
        .entrypoint("/docker-entrypoint.sh")
        .cmd("nginx", "-g", "daemon off;")
        .file("/usr/sbin/nginx", "")
        .file(ROOT + "/index.html", INDEX_HTML)
        .file(ROOT + "/50x.html", FIFTY_X_HTML)
        .created(Instant.parse("2024-11-26T15:55:00Z"));
    if (curl || shipsCurl(variant)) {
      image.file("/usr/bin/curl", "");
    }
    this.image = image.build();
  }

  /**
   * Whether the tag names an Alpine variant ({@code alpine}, {@code 1.27-alpine}, {@code
   * stable-alpine-slim}, {@code alpine3.20}): BusyBox on Alpine, with BusyBox's {@code wget}.
   * Every other tag is the Debian image.
   */
  static boolean alpine(String tag) {
    return tag.contains("alpine");
  }

  /**
   * Whether the image installs curl: the Debian image ({@code apt-get install ... gettext-base
   * curl}) and the Alpine one ({@code apk add curl ca-certificates}) have since 1.19; the {@code
   * alpine-slim} variants, and the images of older versions ({@code 1.14.2}), do not.
   */
  static boolean shipsCurl(String tag) {
    if (tag.contains("alpine-slim")) {
      return false;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)(?:[.-].*)?").matcher(tag);
    return !m.matches() || Integer.parseInt(m.group(1)) > 1 || Integer.parseInt(m.group(2)) >= 19;
  }

  @Override
  public ImageConfig image() {
    return image;
  }

  @Override
  public List<ListenPort> listenPorts(Launch launch) {
    return serves(launch) ? List.of(ListenPort.tcp(80)) : List.of();
  }

  /** The server, or the command that replaced it ({@code command: [sh, -c, ...]} runs that instead, listening nowhere). */
  @Override
  public MainProcess mainProcess(Launch launch) {
    return serves(launch) ? MainProcess.serving() : MainProcess.command(DaemonCommand.execArgv(launch));
  }

  private static boolean serves(Launch launch) {
    List<String> argv = DaemonCommand.execArgv(launch);
    String first = argv.isEmpty() ? "" : argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    return first.equals("nginx") || first.equals("nginx-debug");
  }

  @Override
  public Optional<HttpHandler> httpHandler(Launch launch) {
    return Optional.of(this::handle);
  }

  @Override
  public SigtermBehavior onSigterm(Launch launch) {
    return SigtermBehavior.exitsPromptly(0);
  }

  @Override
  public boolean dialsOn(Launch launch, int port) {
    return upstream != null && port == 80 && serves(launch);
  }

  /**
   * {@code proxy_pass http://UPSTREAM}: the request goes on from the pod to the upstream's port 80
   * over HTTP/1.0 with {@code Host: UPSTREAM} and {@code Connection: close}, and its answer comes
   * back with nginx's {@code Server} header; an upstream that cannot be reached is nginx's 502 page.
   */
  @Override
  public HttpResponse serve(Launch launch, HttpRequest request, ServerContext ctx, PodDialer dialer) {
    PodDialer.Dial dial = dialer.dial(upstream, 80, java.time.Duration.ofSeconds(60));
    HttpResponse response;
    if (dial.connection().isEmpty()) {
      response = error(502, "Bad Gateway", ctx);
    } else {
      PodDialer.Connection c = dial.connection().get();
      HttpRequest forwarded = HttpRequest.get(request.target()).withMethod(request.method())
          .withHeader("Host", upstream).withHeader("Connection", "close");
      for (var h : request.headers()) {
        if (!h.name().equalsIgnoreCase("Host") && !h.name().equalsIgnoreCase("Connection")) {
          forwarded = forwarded.withHeader(h.name(), h.value());
        }
      }
      Optional<HttpResponse> answer = c.http(forwarded.withBody(request.body()));
      c.close();
      response = answer.map(a -> withServer(a, ctx)).orElseGet(() -> error(502, "Bad Gateway", ctx));
    }
    return logged(request, response, ctx);
  }

  /** The upstream's answer as nginx passes it on: its own {@code Server} and {@code Date}. */
  private HttpResponse withServer(HttpResponse answer, ServerContext ctx) {
    HttpResponse r = new HttpResponse(answer.status(), answer.reason(), List.of(), answer.body())
        .withHeader("Server", "nginx/" + version)
        .withHeader("Date", HttpDates.format(ctx.now()));
    for (var h : answer.headers()) {
      if (!h.name().equalsIgnoreCase("Server") && !h.name().equalsIgnoreCase("Date")
          && !h.name().equalsIgnoreCase("Connection")) {
        r = r.withHeader(h.name(), h.value());
      }
    }
    return r.withHeader("Connection", "keep-alive");
  }

  @Override
  public void onStart(Launch launch, ServerContext ctx) {
    for (String line : List.of(
        "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
        "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
        "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
        "/docker-entrypoint.sh: Configuration complete; ready for start up")) {
      ctx.log(line);
    }
    String time = ERROR_LOG_TIME.format(ctx.now());
    ctx.log(time + " [notice] 1#1: using the \"epoll\" event method");
    ctx.log(time + " [notice] 1#1: nginx/" + version);
    ctx.log(time + " [notice] 1#1: start worker processes");
  }

  private HttpResponse handle(HttpRequest request, ServerContext ctx) {
    return logged(request, upstream != null ? error(502, "Bad Gateway", ctx) : respond(request, ctx), ctx);
  }

  /** The response as sent (no body for HEAD), after its access-log line. */
  private HttpResponse logged(HttpRequest request, HttpResponse answer, ServerContext ctx) {
    HttpResponse response = answer;
    if (request.method().equals("HEAD")) {
      response = response.withBody("");
    }
    ctx.log(request.clientIp() + " - - [" + ACCESS_TIME.format(ctx.now()) + "] \""
        + request.method() + " " + request.target() + " HTTP/1.1\" " + response.status() + " "
        + response.body().getBytes(StandardCharsets.UTF_8).length + " \""
        + request.header("Referer").orElse("-") + "\" \""
        + request.header("User-Agent").orElse("-") + "\" \""
        + request.header("X-Forwarded-For").orElse("-") + "\"");
    return response;
  }

  private HttpResponse respond(HttpRequest request, ServerContext ctx) {
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return error(405, "Not Allowed", ctx);
    }
    String path;
    try {
      path = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return error(400, "Bad Request", ctx);
    }
    if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
      return error(400, "Bad Request", ctx);
    }
    String file = ROOT + path;
    if (path.endsWith("/")) {
      if (!ctx.isDirectory(file)) {
        return error(404, "Not Found", ctx);
      }
      Optional<String> index = ctx.readFile(file + "index.html");
      return index.isPresent()
          ? ok(file + "index.html", index.get(), ctx)
          : error(403, "Forbidden", ctx);
    }
    Optional<String> content = ctx.readFile(file);
    if (content.isPresent()) {
      return ok(file, content.get(), ctx);
    }
    if (ctx.isDirectory(file)) {
      String host = request.header("Host").map(h -> h.replaceFirst(":\\d+$", ""))
          .orElse(ctx.podIp());
      int port = request.serverPort();
      return error(301, "Moved Permanently", ctx).withHeader("Location",
          "http://" + host + (port == 80 ? "" : ":" + port) + path + "/");
    }
    return error(404, "Not Found", ctx);
  }

  private HttpResponse ok(String file, String content, ServerContext ctx) {
    Instant modified = ctx.lastModified(file).orElse(ctx.now());
    int length = content.getBytes(StandardCharsets.UTF_8).length;
    return HttpResponse.ok(content)
        .withHeader("Server", "nginx/" + version)
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Content-Type", contentType(file))
        .withHeader("Content-Length", String.valueOf(length))
        .withHeader("Last-Modified", HttpDates.format(modified))
        .withHeader("Connection", "keep-alive")
        .withHeader("ETag", "\"" + Long.toHexString(modified.getEpochSecond()) + "-"
            + Integer.toHexString(length) + "\"")
        .withHeader("Accept-Ranges", "bytes");
  }

  /** nginx's built-in error page for a status: CRLF line ends and the version in the footer. */
  private HttpResponse error(int status, String phrase, ServerContext ctx) {
    String title = status + " " + phrase;
    String body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n"
        + "<center><h1>" + title + "</h1></center>\r\n"
        + "<hr><center>nginx/" + version + "</center>\r\n</body>\r\n</html>\r\n";
    return new HttpResponse(status, phrase, List.of(), body)
        .withHeader("Server", "nginx/" + version)
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Content-Type", "text/html")
        .withHeader("Content-Length", String.valueOf(body.length()))
        .withHeader("Connection", "keep-alive");
  }

  private static String contentType(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "text/html";
    } else if (name.endsWith(".css")) {
      return "text/css";
    } else if (name.endsWith(".js")) {
      return "application/javascript";
    } else if (name.endsWith(".json")) {
      return "application/json";
    } else if (name.endsWith(".txt")) {
      return "text/plain";
    } else if (name.endsWith(".png")) {
      return "image/png";
    }
    return "application/octet-stream";
  }
}
