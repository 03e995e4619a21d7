package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec.ports[i]} of a Service.
 *
 * @param name unique within the Service; required when it has several ports
 * @param protocol {@code TCP} (default), {@code UDP} or {@code SCTP}
 * @param appProtocol the application protocol, a hint for implementations
 * @param port the port on the cluster IP
 * @param targetPort the pods' port: a number, or a container port's name; the same as {@code port}
 *     by default
 * @param nodePort the port on every node, for {@code NodePort} and {@code LoadBalancer} Services,
 *     allocated from 30000-32767
 */
public record ServicePort(
    Optional<String> name,
    Optional<String> protocol,
    Optional<String> appProtocol,
    Optional<Integer> port,
    Optional<IntOrString> targetPort,
    Optional<Integer> nodePort) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name unique within the Service; required when it has several ports
   * @param protocol {@code TCP} (default), {@code UDP} or {@code SCTP}
   * @param appProtocol the application protocol, a hint for implementations
   * @param port the port on the cluster IP
   * @param targetPort the pods' port: a number, or a container port's name; the same as {@code
   *     port} by default
   * @param nodePort the port on every node, for {@code NodePort} and {@code LoadBalancer} Services,
   *     allocated from 30000-32767
   */
  public ServicePort {
    name = Values.opt(name);
    protocol = Values.opt(protocol);
    appProtocol = Values.opt(appProtocol);
    port = Values.opt(port);
    targetPort = Values.opt(targetPort);
    nodePort = Values.opt(nodePort);
  }

  /**
   * A copy with {@link #protocol()} replaced.
   *
   * @param value the new {@code protocol}
   * @return a copy of this {@code ServicePort} with {@code protocol} set
   */
  public ServicePort withProtocol(String value) {
    return new ServicePort(name, Optional.ofNullable(value), appProtocol, port, targetPort, nodePort);
  }

  /**
   * A copy with {@link #targetPort()} replaced.
   *
   * @param value the new {@code targetPort}
   * @return a copy of this {@code ServicePort} with {@code targetPort} set
   */
  public ServicePort withTargetPort(IntOrString value) {
    return new ServicePort(name, protocol, appProtocol, port, Optional.ofNullable(value), nodePort);
  }

  /**
   * A copy with {@link #nodePort()} replaced.
   *
   * @param value the new {@code nodePort}
   * @return a copy of this {@code ServicePort} with {@code nodePort} set
   */
  public ServicePort withNodePort(Integer value) {
    return new ServicePort(name, protocol, appProtocol, port, targetPort, Optional.ofNullable(value));
  }
}
