package dev.kubesim.impl.ingress;

import java.util.Objects;

/**
 * A Service port an Ingress routes to, as the Ingress writes it: the Ingress's namespace, the
 * Service name and the port number or name ({@code default/foo-bar-com:http}).
 *
 * @param port the port as written: a number ({@code 8080}) or a port name ({@code http})
 */
public record IngressBackendRef(String namespace, String service, String port) {
  public IngressBackendRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(port, "port");
  }

  /** {@code NS/SERVICE:PORT}. */
  @Override
  public String toString() {
    return namespace + "/" + service + ":" + port;
  }
}
