package dev.kubesim.impl.net;

import java.util.Objects;

/**
 * kube-proxy's {@code proxy.ServicePortName}: a Service, one of its port names ({@code ""} when
 * unnamed) and the port's protocol. {@link #toString()} is {@code ns/name:port} (no colon for an
 * unnamed port), the string every chain-name hash and rule comment is built from.
 */
public record ServicePortName(String namespace, String name, String port, IpProtocol protocol)
    implements Comparable<ServicePortName> {
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
    // By namespace, name, port, then protocol name: the order of a node's service-port blocks.
    int c = namespace.compareTo(o.namespace);
    if (c == 0) {
      c = name.compareTo(o.name);
    }
    if (c == 0) {
      c = port.compareTo(o.port);
    }
    return c != 0 ? c : protocol.name().compareTo(o.protocol.name());
  }

  @Override
  public String toString() {
    return port.isEmpty() ? serviceName() : serviceName() + ":" + port;
  }
}
