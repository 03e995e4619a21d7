package dev.kubesim.impl.program.images;

import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ServerContext;
import dev.kubesim.impl.http.HttpDates;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the official {@code php:*-apache} images' Apache (Debian's {@code apache2} with mod_php)
 * writes, for the images built on them: its start lines, a combined-format access log line per
 * request, and PHP's response headers.
 */
final class ApachePhp {
  private static final DateTimeFormatter ACCESS_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ERROR_LOG_TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSSSSS yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private final String apache;
  private final String php;

  ApachePhp(String apache, String php) {
    this.apache = apache;
    this.php = php;
  }

  /** {@code Apache/2.4.56 (Debian)}. */
  String server() {
    return "Apache/" + apache + " (Debian)";
  }

  String php() {
    return php;
  }

  /** Apache's lines as {@code apache2-foreground} starts it (no ServerName set). */
  void logStart(ServerContext ctx) {
    String notice = "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using "
        + ctx.podIp() + ". Set the 'ServerName' directive globally to suppress this message";
    ctx.log(notice);
    ctx.log(notice);
    String time = ERROR_LOG_TIME.format(ctx.now());
    ctx.log("[" + time + "] [mpm_prefork:notice] [pid 1] AH00163: " + server() + " PHP/" + php
        + " configured -- resuming normal operations");
    ctx.log("[" + time + "] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'");
  }

  /**
   * Logs the request in Debian's {@code combined} format ({@code %O} counts the headers too) and
   * returns the response as sent (no body for {@code HEAD}).
   */
  HttpResponse logged(HttpRequest request, HttpResponse response, ServerContext ctx) {
    int length = response.body().getBytes(StandardCharsets.UTF_8).length;
    HttpResponse sent = request.method().equals("HEAD") ? response.withBody("") : response;
    ctx.log(request.clientIp() + " - - [" + ACCESS_TIME.format(ctx.now()) + "] \"" + request.method() + " "
        + request.target() + " HTTP/1.1\" " + response.status() + " " + (length + headerBytes(response)) + " \""
        + request.header("Referer").orElse("-") + "\" \"" + request.header("User-Agent").orElse("-") + "\"");
    return sent;
  }

  /** A PHP script's response: Apache's and PHP's headers, and the ones the script set. */
  HttpResponse script(int status, String body, String contentType, List<HttpHeader> extra, ServerContext ctx) {
    HttpResponse r = HttpResponse.status(status, body)
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Server", server())
        .withHeader("X-Powered-By", "PHP/" + php);
    for (HttpHeader h : extra) {
      r = r.withHeader(h.name(), h.value());
    }
    return r.withHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))
        .withHeader("Content-Type", contentType);
  }

  /** Apache's own 404 page. */
  HttpResponse notFound(HttpRequest request, ServerContext ctx) {
    String body = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n"
        + "</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n<hr>\n<address>"
        + server() + " Server at " + request.header("Host").map(h -> h.replaceFirst(":\\d+$", "")).orElse(ctx.podIp())
        + " Port 80</address>\n</body></html>\n";
    return new HttpResponse(404, "Not Found", List.of(), body)
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Server", server())
        .withHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))
        .withHeader("Content-Type", "text/html; charset=iso-8859-1");
  }

  private static int headerBytes(HttpResponse r) {
    int n = ("HTTP/1.1 " + r.status() + " " + r.reason() + "\r\n").length() + 2;
    for (HttpHeader h : r.headers()) {
      n += h.name().length() + 2 + h.value().length() + 2;
    }
    return n;
  }
}
