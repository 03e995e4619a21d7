package dev.kubesim.api.map;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.trace.TraceHop;
import dev.kubesim.api.trace.TracePacket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places a trace's hops on a map, in order: a DNAT names the Service and, by the address it wrote,
 * the endpoint pod, and the later packets to or from that pod's address move along the same edge
 * (the conntrack entry carries them); the ingress controller's routing decision is placed by the
 * connection it opens next, as that is where the chosen endpoint shows.
 */
final class MapSteps {
  private final ClusterMap map;
  private final Set<ObjectRef> drawn = new HashSet<>(); // only asked, never iterated
  private final Map<String, ObjectRef> podByIp = new HashMap<>();
  private final Map<String, ObjectRef> podByKey = new HashMap<>();
  private final Set<String> nodes = new HashSet<>();

  private MapSteps(ClusterMap map) {
    this.map = map;
    for (ClusterMap.Node n : map.nodes()) {
      drawn.add(n.ref());
      nodes.add(n.name());
    }
    for (ClusterMap.Pod p : map.pods()) {
      drawn.add(p.ref());
      podByKey.put(p.ref().key(), p.ref());
      if (!p.ip().isEmpty()) {
        podByIp.put(p.ip(), p.ref());
      }
    }
    map.services().forEach(s -> drawn.add(s.ref()));
    map.ingresses().forEach(i -> drawn.add(i.ref()));
    map.policies().forEach(p -> drawn.add(p.ref()));
  }

  static List<MapStep> of(ClusterMap map, Trace trace) {
    return new MapSteps(map).steps(trace.hops());
  }

  private List<MapStep> steps(List<TraceHop> hops) {
    // the Service each endpoint address was DNAT'd for so far, as conntrack remembers it
    Map<String, ObjectRef> dnatFor = new HashMap<>();
    List<MapStep> steps = new ArrayList<>(hops.size());
    for (int i = 0; i < hops.size(); i++) {
      TraceHop h = hops.get(i);
      Set<ObjectRef> at = new LinkedHashSet<>();
      ObjectRef pod = podByKey.get(h.netns());
      if (pod != null) {
        at.add(pod);
      } else if (nodes.contains(h.netns())) {
        at.add(ObjectRef.node(h.netns()));
      }
      h.object().filter(drawn::contains).ifPresent(at::add);
      Set<MapStep.Edge> edges = new LinkedHashSet<>();
      Optional<ObjectRef> service = h.object().filter(o -> o.kind().equals("service") && drawn.contains(o));
      if (h.action() == TraceHop.Action.DNAT && service.isPresent() && h.rewritten().isPresent()) {
        String endpoint = h.rewritten().get().destination();
        if (endpointOf(service.get(), podByIp.get(endpoint))) {
          dnatFor.put(endpoint, service.get());
        }
      }
      h.packet().ifPresent(p -> connectionEdge(p, dnatFor, edges));
      h.rewritten().ifPresent(p -> connectionEdge(p, dnatFor, edges));
      if (h.action() == TraceHop.Action.PROXY) {
        Optional<ObjectRef> upstream = upstream(hops, i);
        h.object().filter(o -> o.kind().equals("ingress")).ifPresent(in -> proxyEdge(in, upstream, edges));
      }
      h.object().filter(o -> o.kind().equals("networkpolicy") && drawn.contains(o))
          .ifPresent(policy -> selectedPod(policy, pod, h).ifPresent(p -> edges.add(new MapStep.Edge(p, policy))));
      steps.add(new MapStep(List.copyOf(at), List.copyOf(edges)));
    }
    return steps;
  }

  /** A packet to or from an endpoint address a Service DNAT'd to moves along that Service's edge. */
  private void connectionEdge(TracePacket p, Map<String, ObjectRef> dnatFor, Set<MapStep.Edge> edges) {
    for (String ip : List.of(p.destination(), p.source())) {
      ObjectRef service = dnatFor.get(ip);
      if (service != null) {
        edges.add(new MapStep.Edge(service, podByIp.get(ip)));
      }
    }
  }

  /**
   * The pod a policy's verdict was about: the one whose namespace the hop is in, else the packet's
   * destination (an ingress rule) or source (an egress rule), whichever the policy selects.
   */
  private Optional<ObjectRef> selectedPod(ObjectRef policy, ObjectRef netnsPod, TraceHop h) {
    List<ObjectRef> candidates = new ArrayList<>();
    if (netnsPod != null) {
      candidates.add(netnsPod);
    }
    h.packet().ifPresent(p -> {
      Optional.ofNullable(podByIp.get(p.destination())).ifPresent(candidates::add);
      Optional.ofNullable(podByIp.get(p.source())).ifPresent(candidates::add);
    });
    List<ObjectRef> selected = map.policies().stream().filter(p -> p.ref().equals(policy)).findFirst()
        .map(ClusterMap.Policy::selected).orElse(List.of());
    return candidates.stream().filter(selected::contains).findFirst();
  }

  private boolean endpointOf(ObjectRef service, ObjectRef pod) {
    return pod != null && map.services().stream().anyMatch(s -> s.ref().equals(service) && s.endpoints().contains(pod));
  }

  /** The pod the ingress controller's next packet from its own namespace is addressed to. */
  private Optional<ObjectRef> upstream(List<TraceHop> hops, int proxy) {
    String netns = hops.get(proxy).netns();
    for (int j = proxy + 1; j < hops.size(); j++) {
      TraceHop h = hops.get(j);
      if (h.netns().equals(netns) && h.packet().isPresent()) {
        return Optional.ofNullable(podByIp.get(h.packet().get().destination()));
      }
    }
    return Optional.empty();
  }

  private void proxyEdge(ObjectRef ingress, Optional<ObjectRef> endpoint, Set<MapStep.Edge> edges) {
    if (endpoint.isEmpty()) {
      return;
    }
    for (ClusterMap.Ingress in : map.ingresses()) {
      if (!in.ref().equals(ingress)) {
        continue;
      }
      for (ClusterMap.Route r : in.routes()) {
        if (endpointOf(r.service(), endpoint.get())) {
          edges.add(new MapStep.Edge(ingress, r.service()));
        }
      }
    }
  }
}
