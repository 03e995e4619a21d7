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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The official {@code httpd} image (Apache 2.4 with its default configuration): port 80, files
 * from {@code /usr/local/apache2/htdocs} read from the container at each request (the image's
 * {@code It works!} page at {@code /}), Apache's own error pages, and a common-log-format line per
 * request on standard output. The image's {@code STOPSIGNAL SIGWINCH} stops it gracefully at once.
 * Its {@code alpine} tags run on Alpine's BusyBox userland (so {@code wget}), the others on Debian;
 * neither installs curl.
 */
public final class HttpdProgram implements Program {
  static final String DEFAULT_VERSION = "2.4.62";
  static final String INDEX_HTML = "<html><body><h1>It works!</h1></body></html>\n";
  private static final String ROOT = "/usr/local/apache2/htdocs";
  private static final DateTimeFormatter ACCESS_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ERROR_LOG_TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSSSSS yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private final String version;
  private final ImageConfig image;

  /** httpd as the given tag (or the default version when the tag is not a version). */
  public HttpdProgram(Optional<String> tag) {
    this.version = ImageVersions.version("docker.io/library/httpd", tag, DEFAULT_VERSION);
    this.image = ImageConfig.builder(tag.orElse("").contains("alpine") ? BaseImage.ALPINE : BaseImage.DEBIAN)
        .env("HTTPD_VERSION", version)
        .workingDir("/usr/local/apache2")
        .cmd("httpd-foreground")
        .file("/usr/local/bin/httpd-foreground", "#!/bin/sh\nexec httpd -DFOREGROUND \"$@\"\n")
        .file("/usr/local/apache2/bin/httpd", "")
        .file(ROOT + "/index.html", INDEX_HTML)
        .created(Instant.parse("2024-11-12T00:00:00Z"))
        .build();
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
    return first.equals("httpd-foreground") || first.equals("httpd");
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
  public void onStart(Launch launch, ServerContext ctx) {
    String notice = "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using "
        + ctx.podIp() + ". Set the 'ServerName' directive globally to suppress this message";
    ctx.log(notice);
    ctx.log(notice);
    String time = ERROR_LOG_TIME.format(ctx.now());
    ctx.log("[" + time + "] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/" + version
        + " (Unix) configured -- resuming normal operations");
    ctx.log("[" + time + "] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'");
  }

  private HttpResponse handle(HttpRequest request, ServerContext ctx) {
    HttpResponse response = respond(request, ctx);
    int length = response.body().getBytes(StandardCharsets.UTF_8).length;
    if (request.method().equals("HEAD")) {
      response = response.withBody("");
    }
    ctx.log(request.clientIp() + " - - [" + ACCESS_TIME.format(ctx.now()) + "] \"" + request.method() + " "
        + request.target() + " HTTP/1.1\" " + response.status() + " " + length);
    return response;
  }

  private HttpResponse respond(HttpRequest request, ServerContext ctx) {
    String path;
    try {
      path = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return error(400, "Bad Request", "Your browser sent a request that this server could not understand.<br />\n", ctx);
    }
    if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
      return error(400, "Bad Request", "Your browser sent a request that this server could not understand.<br />\n", ctx);
    }
    String file = ROOT + path;
    if (ctx.isDirectory(file)) {
      if (!path.endsWith("/")) {
        String host = request.header("Host").orElse(ctx.podIp());
        String location = "http://" + host + path + "/";
        return error(301, "Moved Permanently", "<p>The document has moved <a href=\"" + location + "\">here</a>.</p>\n", ctx)
            .withHeader("Location", location);
      }
      Optional<String> index = ctx.readFile(file + "index.html");
      return index.isPresent() ? ok(file + "index.html", index.get(), ctx)
          : error(403, "Forbidden", "<p>You don't have permission to access this resource.</p>\n", ctx);
    }
    Optional<String> content = ctx.readFile(file);
    if (content.isPresent() && (request.method().equals("GET") || request.method().equals("HEAD"))) {
      return ok(file, content.get(), ctx);
    }
    if (content.isPresent()) {
      return error(405, "Method Not Allowed", "<p>The requested method " + request.method()
          + " is not allowed for this URL.</p>\n", ctx);
    }
    return error(404, "Not Found", "<p>The requested URL was not found on this server.</p>\n", ctx);
  }

  private HttpResponse ok(String file, String content, ServerContext ctx) {
    Instant modified = ctx.lastModified(file).orElse(ctx.now());
    int length = content.getBytes(StandardCharsets.UTF_8).length;
    return HttpResponse.ok(content)
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Server", "Apache/" + version + " (Unix)")
        .withHeader("Last-Modified", HttpDates.format(modified))
        .withHeader("ETag", "\"" + Integer.toHexString(length) + "-" + Long.toHexString(modified.getEpochSecond() * 1_000_000L) + "\"")
        .withHeader("Accept-Ranges", "bytes")
        .withHeader("Content-Length", String.valueOf(length))
        .withHeader("Content-Type", file.endsWith(".html") ? "text/html" : "text/plain");
  }

  /** Apache's built-in error document for a status. */
  private HttpResponse error(int status, String phrase, String paragraph, ServerContext ctx) {
    String body = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>" + status + " " + phrase
        + "</title>\n</head><body>\n<h1>" + phrase + "</h1>\n" + paragraph + "</body></html>\n";
    return new HttpResponse(status, phrase, List.of(), body)
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Server", "Apache/" + version + " (Unix)")
        .withHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))
        .withHeader("Content-Type", "text/html; charset=iso-8859-1");
  }
}
