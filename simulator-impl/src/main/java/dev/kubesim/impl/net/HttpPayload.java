package dev.kubesim.impl.net;

import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.program.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An HTTP/1.1 request or response carried on a TCP connection. */
public final class HttpPayload implements Payload {
  private final HttpRequest request;
  private final HttpResponse response;
  private final Optional<ProxyAnswer> proxied;
  private int length = -1;

  private HttpPayload(HttpRequest request, HttpResponse response, Optional<ProxyAnswer> proxied) {
    this.request = request;
    this.response = response;
    this.proxied = proxied;
  }

  public static HttpPayload request(HttpRequest request) {
    return new HttpPayload(Objects.requireNonNull(request, "request"), null, Optional.empty());
  }

  public static HttpPayload response(HttpResponse response) {
    return new HttpPayload(null, Objects.requireNonNull(response, "response"), Optional.empty());
  }

  /**
   * A response an L7 proxy wrote, with what it did with the request (which upstream answered, the
   * route) for the client's result; that account is kubesim's, not bytes on the wire.
   */
  public static HttpPayload response(HttpResponse response, Optional<ProxyAnswer> proxied) {
    return new HttpPayload(null, Objects.requireNonNull(response, "response"), Objects.requireNonNull(proxied, "proxied"));
  }

  /** What the L7 proxy that wrote this response did with the request, when a proxy wrote it. */
  public Optional<ProxyAnswer> proxied() {
    return proxied;
  }

  public Optional<HttpRequest> asRequest() {
    return Optional.ofNullable(request);
  }

  public Optional<HttpResponse> asResponse() {
    return Optional.ofNullable(response);
  }

  @Override
  public String summary() {
    return request != null
        ? "HTTP: " + request.method() + " " + request.target() + " HTTP/1.1"
        : "HTTP: " + response.statusLine();
  }

  @Override
  public int length() {
    if (length < 0) {
      length = request != null
          ? head(request.method() + " " + request.target() + " HTTP/1.1", request.headers()) + bytes(request.body())
          : head(response.statusLine(), response.headers()) + bytes(response.body());
    }
    return length;
  }

  private static int head(String firstLine, List<HttpHeader> headers) {
    int n = bytes(firstLine) + 2;
    for (HttpHeader h : headers) {
      n += bytes(h.name()) + 2 + bytes(h.value()) + 2;
    }
    return n + 2;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
