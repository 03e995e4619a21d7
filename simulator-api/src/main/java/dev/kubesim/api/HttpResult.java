package dev.kubesim.api;

import dev.kubesim.api.program.HttpHeader;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed outcome of one HTTP request sent by {@link Cluster#http} or {@link ExternalClient#http}:
 * the response when one came back, otherwise curl's exit code and error line for the same failure.
 *
 * @param response the response, empty when none came back
 * @param answeredBy the pod whose program answered (behind an ingress controller, the upstream pod), if a pod did
 * @param exitCode what {@code curl} would have exited with: {@code 0} with a response, {@code 6} (name
 *     not resolved), {@code 7} (connection refused or unreachable), {@code 28} (timed out), {@code 52}
 *     (empty reply), ...
 * @param error curl's error line without the {@code curl: (N) } prefix ({@code Failed to connect to
 *     kubia port 80 after 0 ms: Couldn't connect to server}), empty with a response
 * @param elapsed the virtual time the request took
 * @param trace every packet of it, with the decision at each hop
 */
public record HttpResult(Optional<HttpResponse> response, Optional<ObjectRef> answeredBy, int exitCode, String error,
    Duration elapsed, Trace trace) {
  /**
   * Checks that no field is {@code null}.
   *
   * @param response the response, empty when none came back
   * @param answeredBy the pod whose program answered (behind an ingress controller, the upstream
   *     pod), if a pod did
   * @param exitCode what {@code curl} would have exited with: {@code 0} with a response, {@code 6}
   *     (name not resolved), {@code 7} (connection refused or unreachable), {@code 28} (timed out),
   *     {@code 52} (empty reply), ...
   * @param error curl's error line without the {@code curl: (N) } prefix ({@code Failed to connect
   *     to kubia port 80 after 0 ms: Couldn't connect to server}), empty with a response
   * @param elapsed the virtual time the request took
   * @param trace every packet of it, with the decision at each hop
   */
  public HttpResult {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(answeredBy, "answeredBy");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(trace, "trace");
  }

  /**
   * Whether a response came back (whatever its status).
   *
   * @return whether a response came back (whatever its status)
   */
  public boolean responded() {
    return response.isPresent();
  }

  /**
   * The status code, or {@code 0} when no response came back (curl's {@code %{http_code}} is then
   * {@code 000}).
   *
   * @return the status code, or {@code 0} when no response came back (curl's {@code %{http_code}}
   *     is then {@code 000})
   */
  public int status() {
    return response.map(HttpResponse::status).orElse(0);
  }

  /**
   * The response's header fields in the order sent; empty without a response.
   *
   * @return the response's header fields in the order sent; empty without a response
   */
  public List<HttpHeader> headers() {
    return response.map(HttpResponse::headers).orElse(List.of());
  }

  /**
   * The first value of a response header, ignoring case.
   *
   * @param name the object's name
   * @return the first value of a response header, ignoring case
   */
  public Optional<String> header(String name) {
    return response.flatMap(r -> r.header(name));
  }

  /**
   * The response body; empty without a response.
   *
   * @return the response body; empty without a response
   */
  public String body() {
    return response.map(HttpResponse::body).orElse("");
  }

  /** {@code 200 by pod/default/kubia-x7k2p: You've hit ...}, or {@code curl (7) Failed to connect ...}. */
  @Override
  public String toString() {
    if (response.isEmpty()) {
      return "no response: curl (" + exitCode + ") " + error + " after " + elapsed.toMillis() + " ms";
    }
    String body = body().length() > 200 ? body().substring(0, 200) + "..." : body();
    return response.get().statusLine() + answeredBy.map(p -> " from " + p).orElse("") + " after " + elapsed.toMillis()
        + " ms: " + body.replace("\n", "\\n");
  }
}
