package dev.kubesim.api;

import dev.kubesim.api.program.HttpHeader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request a {@link FakeApp} received, as it arrived at the container.
 *
 * @param method the request method
 * @param target the request target: path and query ({@code /orders?id=7})
 * @param headers the header fields in the order sent
 * @param body the request body, empty for none
 * @param pod the pod whose container received it
 * @param port the container port it arrived on
 * @param clientAddress the peer as the server saw it, {@code ip:port} (after any SNAT)
 */
public record RecordedRequest(String method, String target, List<HttpHeader> headers, String body, ObjectRef pod, int port,
    String clientAddress) {
  /**
   * Checks that no field is {@code null}; the headers are copied immutable.
   *
   * @param method the request method
   * @param target the request target: path and query ({@code /orders?id=7})
   * @param headers the header fields in the order sent
   * @param body the request body, empty for none
   * @param pod the pod whose container received it
   * @param port the container port it arrived on
   * @param clientAddress the peer as the server saw it, {@code ip:port} (after any SNAT)
   */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(clientAddress, "clientAddress");
  }

  /**
   * The path of the target, without the query.
   *
   * @return the path of the target, without the query
   */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /**
   * The first value of a header, ignoring case.
   *
   * @param name the object's name
   * @return the first value of a header, ignoring case
   */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.is(name)).map(HttpHeader::value).findFirst();
  }

  @Override
  public String toString() {
    return method + " " + target + " to " + pod + ":" + port + (body.isEmpty() ? "" : " (" + body.length() + " characters)");
  }
}
