package dev.kubesim.impl.http;

import dev.kubesim.api.program.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The responses ingress-nginx's nginx writes itself: its built-in error pages (CRLF line ends, and
 * the footer {@code nginx} without a version, as ingress-nginx turns {@code server_tokens} off) with
 * nginx's reason phrases, and no {@code Server} header ({@code more_clear_headers Server}).
 */
public final class NginxPages {
  /** nginx's own phrases where they differ from RFC 9110's. */
  private static final Map<Integer, String> PHRASES = Map.of(
      308, "Permanent Redirect",
      404, "Not Found",
      500, "Internal Server Error",
      502, "Bad Gateway",
      503, "Service Temporarily Unavailable",
      504, "Gateway Time-out");

  private NginxPages() {}

  /** The error page of a status, e.g. the default backend's {@code 404 Not Found}. */
  public static HttpResponse error(int status, Instant now) {
    String phrase = PHRASES.getOrDefault(status, HttpResponse.reasonPhrase(status));
    String title = status + " " + phrase;
    String body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n"
        + "<center><h1>" + title + "</h1></center>\r\n"
        + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    return new HttpResponse(status, phrase, List.of(), body)
        .withHeader("Date", HttpDates.format(now))
        .withHeader("Content-Type", "text/html")
        .withHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))
        .withHeader("Connection", "keep-alive");
  }

  /** {@code 404 Not Found}: what the controller's own default backend answers. */
  public static HttpResponse notFound(Instant now) {
    return error(404, now);
  }

  /** ingress-nginx's redirect of plain HTTP to HTTPS ({@code http-redirect-code}, 308 by default). */
  public static HttpResponse redirect(int status, String location, Instant now) {
    return error(status, now).withHeader("Location", location);
  }
}
