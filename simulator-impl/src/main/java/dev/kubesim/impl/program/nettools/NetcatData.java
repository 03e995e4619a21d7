package dev.kubesim.impl.program.nettools;

import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.impl.net.DataPayload;
import dev.kubesim.impl.net.HttpPayload;
import dev.kubesim.impl.net.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bytes netcat carries, as the simulated network carries them: text that reads as an HTTP/1.x
 * request ({@code printf 'GET / HTTP/1.1\r\nHost: x\r\n\r\n' | nc x 80}) travels as that request,
 * so that an HTTP server answers it; anything else as plain data. What comes back is written out as
 * the server sent it: an HTTP response as its status line, headers and body (framed in chunks when
 * the response says {@code Transfer-Encoding: chunked}).
 */
public final class NetcatData {
  private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]+ \\S+ HTTP/1\\.[01]");

  private NetcatData() {}

  /** What goes out for this standard input. */
  public static Payload request(String stdin) {
    return http(stdin).<Payload>map(HttpPayload::request).orElseGet(() -> new DataPayload(stdin));
  }

  /** The request that a complete HTTP/1.x head (and its body) spells, if it is one. */
  static Optional<HttpRequest> http(String text) {
    String normalized = text.replace("\r\n", "\n");
    int end = normalized.indexOf("\n\n");
    if (end < 0) {
      return Optional.empty();
    }
    String[] lines = normalized.substring(0, end).split("\n");
    if (!REQUEST_LINE.matcher(lines[0]).matches()) {
      return Optional.empty();
    }
    String[] parts = lines[0].split(" ");
    List<HttpHeader> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      headers.add(HttpHeader.of(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
    }
    HttpRequest r = HttpRequest.get(parts[1]).withMethod(parts[0]).withBody(normalized.substring(end + 2));
    for (HttpHeader h : headers) {
      r = r.withHeader(h.name(), h.value());
    }
    return Optional.of(r);
  }

  /** The bytes of an answer as nc prints them. */
  public static String text(Payload answer) {
    if (answer instanceof DataPayload d) {
      return d.text();
    }
    if (answer instanceof HttpPayload http && http.asResponse().isPresent()) {
      HttpResponse response = http.asResponse().get();
      StringBuilder b = new StringBuilder(response.statusLine()).append("\r\n");
      boolean chunked = false;
      for (HttpHeader h : response.headers()) {
        b.append(h.name()).append(": ").append(h.value()).append("\r\n");
        chunked |= h.name().equalsIgnoreCase("Transfer-Encoding") && h.value().toLowerCase(java.util.Locale.ROOT).contains("chunked");
      }
      b.append("\r\n");
      if (!chunked) {
        return b.append(response.body()).toString();
      }
      // on the wire, a chunked body is framed: its length in hex, the bytes, and the last, empty chunk
      int length = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (length > 0) {
        b.append(Integer.toHexString(length)).append("\r\n").append(response.body()).append("\r\n");
      }
      return b.append("0\r\n\r\n").toString();
    }
    return "";
  }
}
