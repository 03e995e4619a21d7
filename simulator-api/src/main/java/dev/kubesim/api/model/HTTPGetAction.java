package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code httpGet} handler of a probe: an HTTP GET against the container.
 *
 * @param path the request's path ({@code /} by default)
 * @param port a number or a named container port
 * @param host the host to connect to, the pod's IP by default
 * @param scheme {@code HTTP} (default) or {@code HTTPS}
 * @param httpHeaders headers sent with the request
 */
public record HTTPGetAction(
    Optional<String> path,
    Optional<IntOrString> port,
    Optional<String> host,
    Optional<String> scheme,
    List<HTTPHeader> httpHeaders) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param path the request's path ({@code /} by default)
   * @param port a number or a named container port
   * @param host the host to connect to, the pod's IP by default
   * @param scheme {@code HTTP} (default) or {@code HTTPS}
   * @param httpHeaders headers sent with the request
   */
  public HTTPGetAction {
    path = Values.opt(path);
    port = Values.opt(port);
    host = Values.opt(host);
    scheme = Values.opt(scheme);
    httpHeaders = Values.list(httpHeaders);
  }

  /**
   * A copy with {@link #path()} replaced.
   *
   * @param value the new {@code path}
   * @return a copy of this {@code HTTPGetAction} with {@code path} set
   */
  public HTTPGetAction withPath(String value) {
    return new HTTPGetAction(Optional.ofNullable(value), port, host, scheme, httpHeaders);
  }

  /**
   * A copy with {@link #scheme()} replaced.
   *
   * @param value the new {@code scheme}
   * @return a copy of this {@code HTTPGetAction} with {@code scheme} set
   */
  public HTTPGetAction withScheme(String value) {
    return new HTTPGetAction(path, port, host, Optional.ofNullable(value), httpHeaders);
  }
}
