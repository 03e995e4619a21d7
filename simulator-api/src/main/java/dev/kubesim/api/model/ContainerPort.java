package dev.kubesim.api.model;

import java.util.Optional;

/** {@code ports[i]} of a container. */
public record ContainerPort(
    Optional<String> name,
    Optional<Integer> hostPort,
    Optional<Integer> containerPort,
    Optional<String> protocol,
    Optional<String> hostIP) {
  public ContainerPort {
    name = Values.opt(name);
    hostPort = Values.opt(hostPort);
    containerPort = Values.opt(containerPort);
    protocol = Values.opt(protocol);
    hostIP = Values.opt(hostIP);
  }

  public ContainerPort withProtocol(String value) {
    return new ContainerPort(name, hostPort, containerPort, Optional.ofNullable(value), hostIP);
  }
}
