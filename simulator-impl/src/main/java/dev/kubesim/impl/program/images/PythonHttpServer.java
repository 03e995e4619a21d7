package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.impl.http.HttpDates;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code python -m http.server}'s {@code SimpleHTTPRequestHandler} (Python 3.12): a directory's
 * {@code index.html} or its listing, a file with its guessed type and {@code Last-Modified}, a
 * {@code 301} to add a directory's slash, {@code 404 File not found} otherwise, and {@code 501} for
 * methods other than GET and HEAD; each request logged on standard error as {@code
 * log_message} writes it.
 */
final class PythonHttpServer {
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** {@code mimetypes}' answers for the usual suffixes. */
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("txt", "text/plain"),
      Map.entry("css", "text/css"), Map.entry("js", "text/javascript"), Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
      Map.entry("svg", "image/svg+xml"), Map.entry("py", "text/x-python"), Map.entry("sh", "application/x-sh"),
      Map.entry("csv", "text/csv"), Map.entry("md", "text/markdown"), Map.entry("yaml", "application/yaml"));

  private final String root;
  private final String server;

  /** Serves this directory of the container, as the default Python. */
  PythonHttpServer(String root) {
    this(root, dev.kubesim.impl.program.commands.Python.VERSION);
  }

  /** Serves this directory of the container, as Python {@code version}. */
  PythonHttpServer(String root, String version) {
    this.server = "SimpleHTTP/0.6 Python/" + version;
    this.root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
  }

  HttpResponse handle(HttpRequest request, ServerContext ctx) {
    HttpResponse r = answer(request, ctx);
    String client = request.clientAddress().substring(0, Math.max(0, request.clientAddress().lastIndexOf(':')));
    String prefix = client + " - - [" + LOG_TIME.format(ctx.now()) + "] ";
    if (r.status() >= 400) {
      ctx.log(prefix + "code " + r.status() + ", message " + r.reason()); // send_error's log_error
    }
    ctx.log(prefix + "\"" + request.method() + " " + request.target() + " HTTP/1.1\" " + r.status() + " -");
    return r;
  }

  private HttpResponse answer(HttpRequest request, ServerContext ctx) {
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return error(501, "Unsupported method ('" + request.method() + "')",
          "Server does not support this operation.", ctx);
    }
    String path = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);
    String fsPath = translate(path);
    if (ctx.isDirectory(fsPath)) {
      if (!request.path().endsWith("/")) {
        String location = request.path() + "/" + (request.query().isEmpty() ? "" : "?" + request.query());
        return base(301, "Moved Permanently", "", ctx).withHeader("Location", location).withHeader("Content-Length", "0");
      }
      for (String index : List.of("index.html", "index.htm")) {
        String file = fsPath + (fsPath.endsWith("/") ? "" : "/") + index;
        if (ctx.readFile(file).isPresent()) {
          return file(file, ctx, request);
        }
      }
      return listing(fsPath, path, ctx, request);
    }
    if (path.endsWith("/") || ctx.readFile(fsPath).isEmpty()) {
      return error(404, "File not found", "Nothing matches the given URI.", ctx);
    }
    return file(fsPath, ctx, request);
  }

  /** {@code translate_path}: the URL path's words under the served directory, {@code ..} and {@code .} dropped. */
  private String translate(String path) {
    List<String> words = new ArrayList<>();
    for (String w : path.split("/")) {
      if (!w.isEmpty() && !w.equals(".") && !w.equals("..")) {
        words.add(w);
      }
    }
    String joined = String.join("/", words);
    return joined.isEmpty() ? root : (root.equals("/") ? "/" : root + "/") + joined;
  }

  private HttpResponse file(String fsPath, ServerContext ctx, HttpRequest request) {
    String content = ctx.readFile(fsPath).orElse("");
    String name = fsPath.substring(fsPath.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? "application/octet-stream"
        : TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    HttpResponse r = base(200, "OK", request.method().equals("HEAD") ? "" : content, ctx)
        .withHeader("Content-type", type)
        .withHeader("Content-Length", Integer.toString(content.getBytes(StandardCharsets.UTF_8).length));
    Optional<java.time.Instant> modified = ctx.lastModified(fsPath);
    return modified.isPresent() ? r.withHeader("Last-Modified", HttpDates.format(modified.get())) : r;
  }

  /** {@code list_directory}: names sorted case-insensitively, directories with a slash. */
  private HttpResponse listing(String fsPath, String path, ServerContext ctx, HttpRequest request) {
    List<String> names = new ArrayList<>(ctx.listDirectory(fsPath));
    names.sort(String.CASE_INSENSITIVE_ORDER);
    String title = "Directory listing for " + html(path);
    StringBuilder b = new StringBuilder("<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(title).append("</title>\n</head>\n<body>\n<h1>").append(title).append("</h1>\n<hr>\n<ul>\n");
    for (String n : names) {
      String full = fsPath + (fsPath.endsWith("/") ? "" : "/") + n;
      String shown = ctx.isDirectory(full) ? n + "/" : n;
      b.append("<li><a href=\"").append(quote(shown)).append("\">").append(html(shown)).append("</a></li>\n");
    }
    b.append("</ul>\n<hr>\n</body>\n</html>\n");
    String body = b.toString();
    return base(200, "OK", request.method().equals("HEAD") ? "" : body, ctx)
        .withHeader("Content-type", "text/html; charset=utf-8")
        .withHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
  }

  /** {@code send_error}: the default error page, and the connection closed. */
  private HttpResponse error(int status, String message, String explanation, ServerContext ctx) {
    String body = "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n"
        + "        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n"
        + "        <p>Error code: " + status + "</p>\n        <p>Message: " + html(message) + ".</p>\n"
        + "        <p>Error code explanation: " + status + " - " + explanation + "</p>\n    </body>\n</html>\n";
    return base(status, message, body, ctx)
        .withHeader("Connection", "close")
        .withHeader("Content-Type", "text/html;charset=utf-8")
        .withHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
  }

  private HttpResponse base(int status, String reason, String body, ServerContext ctx) {
    return new HttpResponse(status, reason, List.of(), body)
        .withHeader("Server", server)
        .withHeader("Date", HttpDates.format(ctx.now()));
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** {@code urllib.parse.quote} with its safe {@code /}. */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~/".indexOf(c) >= 0) {
        b.append(c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xff));
      }
    }
    return b.toString();
  }
}
