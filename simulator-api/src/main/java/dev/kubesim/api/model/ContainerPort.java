package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code ports[i]} of a container.
 *
 * @param name an IANA service name, unique within the pod, that a Service's {@code targetPort} can
 *     name
 * @param hostPort a port of the node forwarded to this one
 * @param containerPort the port number the container listens on
 * @param protocol {@code TCP} (default), {@code UDP} or {@code SCTP}
 * @param hostIP the node address the host port binds to
 */
public record ContainerPort(
    Optional<String> name,
    Optional<Integer> hostPort,
    Optional<Integer> containerPort,
    Optional<String> protocol,
    Optional<String> hostIP) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name an IANA service name, unique within the pod, that a Service's {@code targetPort}
   *     can name
   * @param hostPort a port of the node forwarded to this one
   * @param containerPort the port number the container listens on
   * @param protocol {@code TCP} (default), {@code UDP} or {@code SCTP}
   * @param hostIP the node address the host port binds to
   */
  public ContainerPort {
    name = Values.opt(name);
    hostPort = Values.opt(hostPort);
    containerPort = Values.opt(containerPort);
    protocol = Values.opt(protocol);
    hostIP = Values.opt(hostIP);
  }

  /**
   * A copy with {@link #protocol()} replaced.
   *
   * @param value the new {@code protocol}
   * @return a copy of this {@code ContainerPort} with {@code protocol} set
   */
  public ContainerPort withProtocol(String value) {
    return new ContainerPort(name, hostPort, containerPort, Optional.ofNullable(value), hostIP);
  }
}
