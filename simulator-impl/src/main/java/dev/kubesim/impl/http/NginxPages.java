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
  /** nginx's own status-line phrases where they differ from RFC 9110's ({@code ngx_http_status_lines}). */
  private static final Map<Integer, String> PHRASES = Map.ofEntries(
      Map.entry(301, "Moved Permanently"),
      Map.entry(302, "Moved Temporarily"),
      Map.entry(303, "See Other"),
      Map.entry(307, "Temporary Redirect"),
      Map.entry(308, "Permanent Redirect"),
      Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"),
      Map.entry(500, "Internal Server Error"),
      Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Temporarily Unavailable"),
      Map.entry(504, "Gateway Time-out"));
  /** Where nginx's built-in page is titled otherwise than its status line: the 302 page says Found. */
  private static final Map<Integer, String> TITLES = Map.of(302, "Found");

  private NginxPages() {}

  /** The error page of a status, e.g. the default backend's {@code 404 Not Found}. */
  public static HttpResponse error(int status, Instant now) {
    String phrase = PHRASES.getOrDefault(status, HttpResponse.reasonPhrase(status));
    String title = status + " " + TITLES.getOrDefault(status, phrase);
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

  /**
   * A redirect nginx writes itself: ingress-nginx's of plain HTTP to HTTPS ({@code
   * http-redirect-code}, 308 by default), {@code app-root}'s 302, a redirect annotation's {@code
   * return}: the status's page with the {@code Location}.
   */
  public static HttpResponse redirect(int status, String location, Instant now) {
    return error(status, now).withHeader("Location", location);
  }

  /**
   * nginx's {@code return CODE TEXT} for a code that is not a redirect: the text is the body, sent
   * with the {@code default_type} ingress-nginx sets ({@code text/html}).
   */
  public static HttpResponse text(int status, String text, Instant now) {
    return new HttpResponse(status, PHRASES.getOrDefault(status, HttpResponse.reasonPhrase(status)), List.of(), text)
        .withHeader("Date", HttpDates.format(now))
        .withHeader("Content-Type", "text/html")
        .withHeader("Content-Length", String.valueOf(text.getBytes(StandardCharsets.UTF_8).length))
        .withHeader("Connection", "keep-alive");
  }
}
