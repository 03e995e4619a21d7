package dev.kubesim.impl.http;

import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ServerContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Responses and log lines as a Go {@code net/http} server and Go's {@code log} package write them. */
public final class GoHttp {
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private GoHttp() {}

  /**
   * A response as {@code fmt.Fprint(w, body)} after an optional {@code WriteHeader} gives it:
   * {@code Date}, {@code Content-Length} and the sniffed {@code Content-Type}.
   */
  public static HttpResponse response(int status, String body, ServerContext ctx) {
    return response(status, body, body.isEmpty() ? null : sniff(body), ctx);
  }

  /** Like {@link #response(int, String, ServerContext)} with the Content-Type the handler set (null for none). */
  public static HttpResponse response(int status, String body, String contentType, ServerContext ctx) {
    HttpResponse r = HttpResponse.status(status, body)
        .withHeader("Date", HttpDates.format(ctx.now()))
        .withHeader("Content-Length",
            String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
    return contentType == null ? r : r.withHeader("Content-Type", contentType);
  }

  /** {@code http.DetectContentType} for the texts these servers write. */
  private static String sniff(String body) {
    String head = body.stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<a")
        || head.startsWith("<head") || head.startsWith("<body") || head.startsWith("<p")) {
      return "text/html; charset=utf-8";
    }
    return "text/plain; charset=utf-8";
  }

  /** A line as {@code log.Printf} writes it: {@code 2025/01/01 00:00:00 message}. */
  public static String logLine(ServerContext ctx, String message) {
    return LOG_TIME.format(ctx.now()) + " " + message;
  }

  /**
   * {@code time.Now().String()} in a container (UTC): {@code 2025-01-01 00:00:05.25 +0000 UTC
   * m=+5.250000000}, with the monotonic reading counted from the process's start.
   */
  public static String now(ServerContext ctx) {
    Instant now = ctx.now();
    StringBuilder b = new StringBuilder(TIME.format(now));
    int nanos = now.getNano();
    if (nanos != 0) {
      String fraction = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
      b.append('.').append(fraction);
    }
    Duration mono = Duration.between(ctx.startedAt(), now);
    b.append(" +0000 UTC m=").append(mono.isNegative() ? '-' : '+')
        .append(Math.abs(mono.getSeconds())).append('.')
        .append(String.format(Locale.ROOT, "%09d", Math.abs(mono.getNano())));
    return b.toString();
  }

  /** {@code json.Marshal} of a string: Go escapes {@code < > &} as well. */
  public static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Go's {@code textproto.CanonicalMIMEHeaderKey}: each dash-separated word capitalised ({@code user-agent} to {@code User-Agent}). */
  public static String canonicalHeaderKey(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return b.toString();
  }
}
