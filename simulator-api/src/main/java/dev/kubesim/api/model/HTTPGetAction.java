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
  public HTTPGetAction {
    path = Values.opt(path);
    port = Values.opt(port);
    host = Values.opt(host);
    scheme = Values.opt(scheme);
    httpHeaders = Values.list(httpHeaders);
  }

  public HTTPGetAction withPath(String value) {
    return new HTTPGetAction(Optional.ofNullable(value), port, host, scheme, httpHeaders);
  }

  public HTTPGetAction withScheme(String value) {
    return new HTTPGetAction(path, port, host, Optional.ofNullable(value), httpHeaders);
  }
}
