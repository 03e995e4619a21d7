package dev.kubesim.api.map;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Trace;
import java.util.List;
import java.util.Objects;

/**
 * The cluster at one instant as a map: its nodes with the pods bound to them, its Services with
 * their ready endpoints, its Ingresses with the routes from host and path to a Service, and its
 * NetworkPolicies with the pods they select. A value: it does not change when the cluster does.
 * Every list is in a fixed order (nodes by name, the rest by namespace and name), so the renderings
 * are deterministic.
 *
 * @param nodes the nodes, by name
 * @param pods the pods (not terminating), by namespace and name
 * @param services the Services, by namespace and name
 * @param ingresses the Ingresses, by namespace and name
 * @param policies the NetworkPolicies, by namespace and name
 */
public record ClusterMap(List<Node> nodes, List<Pod> pods, List<Service> services, List<Ingress> ingresses,
    List<Policy> policies) {
  /**
   * Copies the lists; no element may be {@code null}.
   *
   * @param nodes the nodes, by name
   * @param pods the pods (not terminating), by namespace and name
   * @param services the Services, by namespace and name
   * @param ingresses the Ingresses, by namespace and name
   * @param policies the NetworkPolicies, by namespace and name
   */
  public ClusterMap {
    nodes = ImmutableList.copyOf(nodes);
    pods = ImmutableList.copyOf(pods);
    services = ImmutableList.copyOf(services);
    ingresses = ImmutableList.copyOf(ingresses);
    policies = ImmutableList.copyOf(policies);
  }

  /**
   * A node.
   *
   * @param name the node's name
   * @param internalIP its {@code InternalIP} address, empty when it reports none
   * @param ready whether its {@code Ready} condition is {@code True}
   */
  public record Node(String name, String internalIP, boolean ready) {
    /**
     * Checks that no field is {@code null}.
     *
     * @param name the node's name
     * @param internalIP its {@code InternalIP} address, empty when it reports none
     * @param ready whether its {@code Ready} condition is {@code True}
     */
    public Node {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(internalIP, "internalIP");
    }

    /** {@return the node as traces name it, {@code node/NAME}} */
    public ObjectRef ref() {
      return ObjectRef.node(name);
    }
  }

  /**
   * A pod.
   *
   * @param ref {@code pod/NAMESPACE/NAME}
   * @param node the node it is bound to, empty while it is not scheduled
   * @param ip its {@code podIP}, empty before it has one
   * @param ready whether its {@code Ready} condition is {@code True}
   */
  public record Pod(ObjectRef ref, String node, String ip, boolean ready) {
    /**
     * Checks that no field is {@code null}.
     *
     * @param ref {@code pod/NAMESPACE/NAME}
     * @param node the node it is bound to, empty while it is not scheduled
     * @param ip its {@code podIP}, empty before it has one
     * @param ready whether its {@code Ready} condition is {@code True}
     */
    public Pod {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(ip, "ip");
    }
  }

  /**
   * A Service.
   *
   * @param ref {@code service/NAMESPACE/NAME}
   * @param type {@code ClusterIP}, {@code NodePort}, {@code LoadBalancer} or {@code ExternalName}
   * @param clusterIP its cluster IP, {@code None} for a headless one, empty for an ExternalName
   * @param ports its ports as {@code kubectl get svc} writes them ({@code 80/TCP}, {@code 80:30123/TCP})
   * @param endpoints the pods of its EndpointSlices' ready endpoints, by namespace and name
   */
  public record Service(ObjectRef ref, String type, String clusterIP, List<String> ports, List<ObjectRef> endpoints) {
    /**
     * Checks that no field is {@code null} and copies the lists.
     *
     * @param ref {@code service/NAMESPACE/NAME}
     * @param type {@code ClusterIP}, {@code NodePort}, {@code LoadBalancer} or {@code ExternalName}
     * @param clusterIP its cluster IP, {@code None} for a headless one, empty for an ExternalName
     * @param ports its ports as {@code kubectl get svc} writes them
     * @param endpoints the pods of its EndpointSlices' ready endpoints, by namespace and name
     */
    public Service {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(clusterIP, "clusterIP");
      ports = ImmutableList.copyOf(ports);
      endpoints = ImmutableList.copyOf(endpoints);
    }
  }

  /**
   * An Ingress.
   *
   * @param ref {@code ingress/NAMESPACE/NAME}
   * @param routes its rules' paths and its default backend, in the order the spec gives them
   */
  public record Ingress(ObjectRef ref, List<Route> routes) {
    /**
     * Checks that no field is {@code null} and copies the routes.
     *
     * @param ref {@code ingress/NAMESPACE/NAME}
     * @param routes its rules' paths and its default backend, in the order the spec gives them
     */
    public Ingress {
      Objects.requireNonNull(ref, "ref");
      routes = ImmutableList.copyOf(routes);
    }
  }

  /**
   * One way through an Ingress to a Service.
   *
   * @param host the rule's host, {@code *} for a rule without one or the default backend
   * @param path the path ({@code /}), empty for the default backend
   * @param service the backend Service, in the Ingress' namespace
   * @param port the backend's port number or name
   */
  public record Route(String host, String path, ObjectRef service, String port) {
    /**
     * Checks that no field is {@code null}.
     *
     * @param host the rule's host, {@code *} for a rule without one or the default backend
     * @param path the path ({@code /}), empty for the default backend
     * @param service the backend Service, in the Ingress' namespace
     * @param port the backend's port number or name
     */
    public Route {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(port, "port");
    }

    /** {@return {@code HOST/PATH}, {@code HOST (default)} for the default backend} */
    public String label() {
      return path.isEmpty() ? host + " (default)" : host + path;
    }
  }

  /**
   * A NetworkPolicy.
   *
   * @param ref {@code networkpolicy/NAMESPACE/NAME}
   * @param policyTypes the directions it isolates ({@code Ingress}, {@code Egress}), as the API server defaulted them
   * @param selected the pods of its namespace that its {@code podSelector} selects, by name
   */
  public record Policy(ObjectRef ref, List<String> policyTypes, List<ObjectRef> selected) {
    /**
     * Checks that no field is {@code null} and copies the lists.
     *
     * @param ref {@code networkpolicy/NAMESPACE/NAME}
     * @param policyTypes the directions it isolates ({@code Ingress}, {@code Egress})
     * @param selected the pods of its namespace that its {@code podSelector} selects, by name
     */
    public Policy {
      Objects.requireNonNull(ref, "ref");
      policyTypes = ImmutableList.copyOf(policyTypes);
      selected = ImmutableList.copyOf(selected);
    }
  }

  /**
   * The map as a Graphviz DOT graph, left to right: Ingresses, then Services (ellipses) with an edge
   * to each endpoint pod, then a cluster subgraph a node holding its pods, then the NetworkPolicies
   * as dashed boxes with dashed edges to the pods they select. Identifiers are positions in the
   * lists, so the same map gives the same text.
   *
   * @return the DOT text
   */
  public String toDot() {
    return ClusterMapDot.render(this, MapHighlight.none());
  }

  /**
   * {@link #toDot()} with the nodes, pods, Services, Ingresses and policies the trace touched drawn in the highlight colour.
   *
   * @param trace the request whose way is highlighted
   * @return the DOT text
   */
  public String toDot(Trace trace) {
    return ClusterMapDot.render(this, MapHighlight.of(this, trace));
  }

  /**
   * The map as a self-contained SVG laid out by kubesim: Ingresses, Services and nodes (boxes
   * holding their pods, each with its IP and readiness) in columns, with edges Ingress → Service →
   * endpoint pod, and the NetworkPolicies as dashed boxes beside the pods they select. No scripts, no
   * fetched fonts or images, inline styles only; the same map gives byte-identical output. Each
   * shape of an object carries {@code data-ref="KIND/NAMESPACE/NAME"} ({@code data-ref="node/node-1"}
   * for a node's box) and each edge's line and head {@code data-from} and {@code data-to}, named as
   * {@link #steps(Trace)} names them, so that a viewer can mark a hop by toggling classes.
   *
   * @return the SVG document
   */
  public String toSvg() {
    return ClusterMapSvg.render(this, MapHighlight.none());
  }

  /**
   * {@link #toSvg()} with the way of a request on it: the nodes, pods, Services, Ingresses and
   * policies the trace touched, and the edges between them, in the highlight colour; the trace's
   * title and result as the caption.
   *
   * @param trace the request whose way is highlighted
   * @return the SVG document
   */
  public String toSvg(Trace trace) {
    return ClusterMapSvg.render(this, MapHighlight.of(this, trace));
  }

  /**
   * Where each hop of a trace is on this map, one step a hop in the trace's order: the shapes the hop
   * is at and the edges its packet moves along (see {@link MapStep}). What the map does not draw (a
   * host outside the cluster, the cloud's load balancer, an object deleted since) is left out, so a
   * step may be empty. The same map and trace give the same steps.
   *
   * @param trace the request whose hops are placed
   * @return one step a hop, in the order of {@link Trace#hops()}
   */
  public List<MapStep> steps(Trace trace) {
    return MapSteps.of(this, trace);
  }
}
