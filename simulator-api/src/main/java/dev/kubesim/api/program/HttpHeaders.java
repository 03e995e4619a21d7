package dev.kubesim.api.program;

import java.util.List;
import java.util.Optional;

/** Look-ups in an ordered list of header fields, shared by requests and responses. */
final class HttpHeaders {
  private HttpHeaders() {}

  /** The first value of the named header, ignoring case. */
  static Optional<String> first(List<HttpHeader> headers, String name) {
    for (HttpHeader header : headers) {
      if (header.is(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
  }
}
