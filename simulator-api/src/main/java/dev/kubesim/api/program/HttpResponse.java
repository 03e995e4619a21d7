package dev.kubesim.api.program;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP response as a container's server sends it.
 *
 * @param status the status code, e.g. {@code 200}
 * @param reason the reason phrase of the status line, e.g. {@code OK}
 * @param headers the header fields in the order sent
 * @param body the body, empty for none
 */
public record HttpResponse(int status, String reason, List<HttpHeader> headers, String body) {
  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(100, "Continue"),
          Map.entry(200, "OK"),
          Map.entry(201, "Created"),
          Map.entry(202, "Accepted"),
          Map.entry(204, "No Content"),
          Map.entry(301, "Moved Permanently"),
          Map.entry(302, "Found"),
          Map.entry(303, "See Other"),
          Map.entry(304, "Not Modified"),
          Map.entry(307, "Temporary Redirect"),
          Map.entry(308, "Permanent Redirect"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(409, "Conflict"),
          Map.entry(412, "Precondition Failed"),
          Map.entry(417, "Expectation Failed"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  /**
   * Checks that no field is {@code null}; a status without three digits is refused with an {@code
   * IllegalArgumentException}.
   *
   * @param status the status code, e.g. {@code 200}
   * @param reason the reason phrase of the status line, e.g. {@code OK}
   * @param headers the header fields in the order sent
   * @param body the body, empty for none
   */
  public HttpResponse {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("HTTP status must have three digits: " + status);
    }
    Objects.requireNonNull(reason, "reason");
    headers = ImmutableList.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /**
   * {@code 200 OK} with this body and no headers.
   *
   * @param body the body, as text
   * @return {@code 200 OK} with this body and no headers
   */
  public static HttpResponse ok(String body) {
    return status(200, body);
  }

  /**
   * This status with its standard reason phrase, this body and no headers.
   *
   * @param status the HTTP status code
   * @param body the body, as text
   * @return a response with this status, its standard reason phrase, this body and no headers
   */
  public static HttpResponse status(int status, String body) {
    return new HttpResponse(status, reasonPhrase(status), List.of(), body);
  }

  /**
   * The standard reason phrase of a status (RFC 9110), or an empty string for an unknown one.
   *
   * @param status the HTTP status code
   * @return the standard reason phrase of a status (RFC 9110), or an empty string for an unknown
   *     one
   */
  public static String reasonPhrase(int status) {
    return REASONS.getOrDefault(status, "");
  }

  /**
   * This response with one more header at the end.
   *
   * @param name the object's name
   * @param value the new {@code header}
   * @return a copy of this {@code HttpResponse} with {@code header} replaced
   */
  public HttpResponse withHeader(String name, String value) {
    List<HttpHeader> more = new ArrayList<>(headers);
    more.add(HttpHeader.of(name, value));
    return new HttpResponse(status, reason, more, body);
  }

  /**
   * This response with these headers instead of its own.
   *
   * @param value the new {@code headers}
   * @return a copy of this {@code HttpResponse} with {@code headers} replaced
   */
  public HttpResponse withHeaders(List<HttpHeader> value) {
    return new HttpResponse(status, reason, value, body);
  }

  /**
   * A copy with {@link #body()} replaced.
   *
   * @param value the new {@code body}
   * @return a copy of this {@code HttpResponse} with {@code body} set
   */
  public HttpResponse withBody(String value) {
    return new HttpResponse(status, reason, headers, value);
  }

  /**
   * The first value of the named header, ignoring case.
   *
   * @param name the object's name
   * @return the first value of the named header, ignoring case
   */
  public Optional<String> header(String name) {
    return HttpHeaders.first(headers, name);
  }

  /**
   * The status line as sent, without the line end: {@code HTTP/1.1 200 OK}.
   *
   * @return the status line as sent, without the line end: {@code HTTP/1.1 200 OK}
   */
  public String statusLine() {
    return "HTTP/1.1 " + status + (reason.isEmpty() ? "" : " " + reason);
  }
}
