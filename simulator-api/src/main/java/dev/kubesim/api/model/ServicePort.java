package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec.ports[i]} of a Service. */
public record ServicePort(
    Optional<String> name,
    Optional<String> protocol,
    Optional<String> appProtocol,
    Optional<Integer> port,
    Optional<IntOrString> targetPort,
    Optional<Integer> nodePort) {
  public ServicePort {
    name = Values.opt(name);
    protocol = Values.opt(protocol);
    appProtocol = Values.opt(appProtocol);
    port = Values.opt(port);
    targetPort = Values.opt(targetPort);
    nodePort = Values.opt(nodePort);
  }

  public ServicePort withProtocol(String value) {
    return new ServicePort(name, Optional.ofNullable(value), appProtocol, port, targetPort, nodePort);
  }

  public ServicePort withTargetPort(IntOrString value) {
    return new ServicePort(name, protocol, appProtocol, port, Optional.ofNullable(value), nodePort);
  }

  public ServicePort withNodePort(Integer value) {
    return new ServicePort(name, protocol, appProtocol, port, targetPort, Optional.ofNullable(value));
  }
}
