package dev.kubesim.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a test usually asks of a Service, read at one instant: no chains of {@code Optional}s. Obtained
 * from {@link Cluster#service(String, String)}; it does not change when the cluster does (ask again).
 *
 * @param ref the Service
 * @param type {@code ClusterIP}, {@code NodePort}, {@code LoadBalancer} or {@code ExternalName}
 * @param clusterIP the cluster IP, {@code None} for a headless Service, empty for {@code ExternalName}
 * @param ports the Service's ports, in spec order
 * @param loadBalancerIP the address the cloud assigned ({@code status.loadBalancer.ingress[0]}), if any
 * @param readyEndpoints the ready endpoints of the Service's EndpointSlices, in (pod, address) order
 */
public record ServiceView(ObjectRef ref, String type, String clusterIP, List<Port> ports,
    Optional<String> loadBalancerIP, List<Endpoint> readyEndpoints) {
  /**
   * Checks that no field is {@code null}; lists are copied immutable.
   *
   * @param ref the Service
   * @param type {@code ClusterIP}, {@code NodePort}, {@code LoadBalancer} or {@code ExternalName}
   * @param clusterIP the cluster IP, {@code None} for a headless Service, empty for {@code
   *     ExternalName}
   * @param ports the Service's ports, in spec order
   * @param loadBalancerIP the address the cloud assigned ({@code status.loadBalancer.ingress[0]}),
   *     if any
   * @param readyEndpoints the ready endpoints of the Service's EndpointSlices, in (pod, address)
   *     order
   */
  public ServiceView {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(clusterIP, "clusterIP");
    ports = List.copyOf(ports);
    Objects.requireNonNull(loadBalancerIP, "loadBalancerIP");
    readyEndpoints = List.copyOf(readyEndpoints);
  }

  /**
   * One port of the Service.
   *
   * @param name the port's name, empty for an unnamed single port
   * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
   * @param port the Service port
   * @param targetPort the target port as written: a number or a container port's name
   * @param nodePort the allocated nodePort, 0 for none
   */
  public record Port(String name, String protocol, int port, String targetPort, int nodePort) {
    /**
     * Checks that no field is {@code null}; lists are copied immutable.
     *
     * @param name the port's name, empty for an unnamed single port
     * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
     * @param port the Service port
     * @param targetPort the target port as written: a number or a container port's name
     * @param nodePort the allocated nodePort, 0 for none
     */
    public Port {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(targetPort, "targetPort");
    }

    @Override
    public String toString() {
      return (name.isEmpty() ? "" : name + ":") + port + (nodePort == 0 ? "" : ":" + nodePort) + "/" + protocol
          + "->" + targetPort;
    }
  }

  /**
   * A ready endpoint of the Service, from its EndpointSlices.
   *
   * @param address the endpoint's address
   * @param pod the pod behind it ({@code targetRef}), if the slice names one
   * @param node the node it runs on, empty when the slice does not say
   */
  public record Endpoint(String address, Optional<ObjectRef> pod, String node) {
    /**
     * Checks that no field is {@code null}; lists are copied immutable.
     *
     * @param address the endpoint's address
     * @param pod the pod behind it ({@code targetRef}), if the slice names one
     * @param node the node it runs on, empty when the slice does not say
     */
    public Endpoint {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(pod, "pod");
      Objects.requireNonNull(node, "node");
    }

    @Override
    public String toString() {
      return address + pod.map(p -> " (" + p.key() + ")").orElse("");
    }
  }

  /**
   * Whether the Service has a cluster IP (not headless, not {@code ExternalName}).
   *
   * @return whether the Service has a cluster IP (not headless, not {@code ExternalName})
   */
  public boolean hasClusterIP() {
    return !clusterIP.isEmpty() && !clusterIP.equals("None");
  }

  /**
   * The port of this name.
   *
   * @param name the object's name
   * @return the port of this name
   */
  public Optional<Port> port(String name) {
    return ports.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * The port with this Service port number.
   *
   * @param number the port number
   * @return the port with this Service port number
   */
  public Optional<Port> port(int number) {
    return ports.stream().filter(p -> p.port() == number).findFirst();
  }

  /**
   * The nodePort of the port of this name, if it has one.
   *
   * @param name the object's name
   * @return the nodePort of the port of this name, if it has one
   */
  public OptionalInt nodePort(String name) {
    return port(name).filter(p -> p.nodePort() != 0).map(p -> OptionalInt.of(p.nodePort())).orElse(OptionalInt.empty());
  }

  /**
   * The nodePort of the port with this Service port number, if it has one.
   *
   * @param number the port number
   * @return the nodePort of the port with this Service port number, if it has one
   */
  public OptionalInt nodePort(int number) {
    return port(number).filter(p -> p.nodePort() != 0).map(p -> OptionalInt.of(p.nodePort())).orElse(OptionalInt.empty());
  }

  /**
   * The pods behind the ready endpoints, in order.
   *
   * @return the pods behind the ready endpoints, in order
   */
  public List<ObjectRef> readyPods() {
    return readyEndpoints.stream().flatMap(e -> e.pod().stream()).toList();
  }

  /**
   * The addresses of the ready endpoints, in order.
   *
   * @return the addresses of the ready endpoints, in order
   */
  public List<String> readyAddresses() {
    return readyEndpoints.stream().map(Endpoint::address).toList();
  }

  @Override
  public String toString() {
    return "service " + ref.key() + " (" + type + (hasClusterIP() ? " " + clusterIP : "") + ", ports " + ports
        + loadBalancerIP.map(ip -> ", load balancer " + ip).orElse("") + ", ready endpoints " + readyEndpoints + ")";
  }
}
