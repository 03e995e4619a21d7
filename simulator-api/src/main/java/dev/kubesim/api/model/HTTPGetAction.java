package dev.kubesim.api.model;

import java.util.List;
import java.util.Optional;

/** {@code httpGet} handler of a probe: an HTTP GET against the container. */
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
   * @param path an absolute path in the container's file system; {@code null} for absent
   * @param port the port number; {@code null} for absent
   * @param host the {@code host} field; {@code null} for absent
   * @param scheme the {@code scheme} field; {@code null} for absent
   * @param httpHeaders the {@code httpHeaders} field; {@code null} for none
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
