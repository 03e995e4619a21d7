package dev.kubesim.impl.proxy;

import java.util.Comparator;
import java.util.Objects;

/**
 * kube-proxy's {@code proxy.ServicePortName}: a Service, one of its port names ({@code ""} when
 * unnamed) and the port's protocol. {@link #toString()} is {@code ns/name:port} (no colon for an
 * unnamed port), the string every chain-name hash and rule comment is built from.
 */
public record ServicePortName(String namespace, String name, String port, Protocol protocol)
    implements Comparable<ServicePortName> {
  private static final Comparator<ServicePortName> ORDER =
      Comparator.comparing(ServicePortName::namespace)
          .thenComparing(ServicePortName::name)
          .thenComparing(ServicePortName::port)
          .thenComparing(p -> p.protocol().name());

  public ServicePortName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(protocol, "protocol");
  }

  /** {@code namespace/name}. */
  public String serviceName() {
    return namespace + "/" + name;
  }

  @Override
  public int compareTo(ServicePortName o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return port.isEmpty() ? serviceName() : serviceName() + ":" + port;
  }
}
