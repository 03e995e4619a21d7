package dev.kubesim.api.model;

import java.util.Optional;

/** {@code ports[i]} of a container. */
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
   * @param name the object's name; {@code null} for absent
   * @param hostPort the {@code hostPort} field; {@code null} for absent
   * @param containerPort the {@code containerPort} field; {@code null} for absent
   * @param protocol the protocol: {@code TCP}, {@code UDP} or {@code SCTP}; {@code null} for absent
   * @param hostIP the {@code hostIP} field; {@code null} for absent
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
