package dev.kubesim.impl.cluster;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.ServiceView;
import dev.kubesim.api.map.ClusterMap;
import dev.kubesim.api.model.HTTPIngressPath;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressBackend;
import dev.kubesim.api.model.IngressRule;
import dev.kubesim.api.model.IngressServiceBackend;
import dev.kubesim.api.model.IngressSpec;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.NetworkPolicy;
import dev.kubesim.api.model.NetworkPolicySpec;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeStatus;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.labels.LabelSelectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Builds the {@link ClusterMap} of the stored objects at one instant. */
final class ClusterMaps {
  private static final Comparator<KubeObject> BY_NAMESPACE_AND_NAME = Comparator
      .comparing((KubeObject o) -> o.metadata().namespace().orElse(""))
      .thenComparing(o -> o.metadata().nameOrEmpty());

  private ClusterMaps() {}

  static ClusterMap of(ApiServer api) {
    List<Pod> pods = new ArrayList<>();
    for (KubeObject o : sorted(api, Pod.KIND)) {
      if (!PodStates.isTerminating((Pod) o)) {
        pods.add((Pod) o);
      }
    }
    return new ClusterMap(nodes(api), pods.stream().map(ClusterMaps::pod).toList(), services(api), ingresses(api),
        policies(api, pods));
  }

  private static List<KubeObject> sorted(ApiServer api, String kind) {
    List<KubeObject> all = new ArrayList<>(api.list(kind, Optional.empty()));
    all.sort(BY_NAMESPACE_AND_NAME);
    return all;
  }

  private static List<ClusterMap.Node> nodes(ApiServer api) {
    List<ClusterMap.Node> out = new ArrayList<>();
    for (KubeObject o : sorted(api, Node.KIND)) {
      Optional<NodeStatus> status = ((Node) o).status();
      String ip = status.stream().flatMap(s -> s.addresses().stream())
          .filter(a -> a.type().filter("InternalIP"::equals).isPresent())
          .flatMap(a -> a.address().stream()).findFirst().orElse("");
      boolean ready = status.stream().flatMap(s -> s.conditions().stream())
          .filter(c -> c.type().filter("Ready"::equals).isPresent())
          .anyMatch(c -> c.status().filter("True"::equals).isPresent());
      out.add(new ClusterMap.Node(o.metadata().nameOrEmpty(), ip, ready));
    }
    return out;
  }

  private static ClusterMap.Pod pod(Pod p) {
    return new ClusterMap.Pod(ref("pod", p), PodStates.nodeName(p), p.status().flatMap(s -> s.podIP()).orElse(""),
        PodStates.isReady(p));
  }

  private static List<ClusterMap.Service> services(ApiServer api) {
    List<ClusterMap.Service> out = new ArrayList<>();
    for (KubeObject o : sorted(api, Service.KIND)) {
      ServiceView view = Views.service(api, o.metadata().namespace().orElse(""), o.metadata().nameOrEmpty());
      List<String> ports = new ArrayList<>();
      for (ServiceView.Port p : view.ports()) {
        // as kubectl get svc writes them
        ports.add(p.port() + (p.nodePort() == 0 ? "" : ":" + p.nodePort()) + "/" + p.protocol());
      }
      List<ObjectRef> endpoints = view.readyEndpoints().stream().flatMap(e -> e.pod().stream()).distinct()
          .sorted(Comparator.comparing(ObjectRef::namespace).thenComparing(ObjectRef::name)).toList();
      out.add(new ClusterMap.Service(view.ref(), view.type(), view.clusterIP(), ports, endpoints));
    }
    return out;
  }

  private static List<ClusterMap.Ingress> ingresses(ApiServer api) {
    List<ClusterMap.Ingress> out = new ArrayList<>();
    for (KubeObject o : sorted(api, Ingress.KIND)) {
      String namespace = o.metadata().namespace().orElse("");
      IngressSpec spec = ((Ingress) o).specOrEmpty();
      List<ClusterMap.Route> routes = new ArrayList<>();
      for (IngressRule rule : spec.rules()) {
        String host = rule.host().orElse("*");
        for (HTTPIngressPath path : rule.http().map(h -> h.paths()).orElse(List.of())) {
          route(namespace, host, path.path().orElse("/"), path.backend()).ifPresent(routes::add);
        }
      }
      route(namespace, "*", "", spec.defaultBackend()).ifPresent(routes::add);
      out.add(new ClusterMap.Ingress(ref("ingress", o), routes));
    }
    return out;
  }

  /** A path's way to a Service; a resource backend leads to no Service, and so to no route. */
  private static Optional<ClusterMap.Route> route(String namespace, String host, String path, Optional<IngressBackend> backend) {
    Optional<IngressServiceBackend> service = backend.flatMap(IngressBackend::service).filter(s -> s.name().isPresent());
    return service.map(s -> new ClusterMap.Route(host, path, ObjectRef.service(namespace, s.name().get()),
        s.port().flatMap(p -> p.number().map(String::valueOf).or(p::name)).orElse("")));
  }

  private static List<ClusterMap.Policy> policies(ApiServer api, List<Pod> pods) {
    List<ClusterMap.Policy> out = new ArrayList<>();
    for (KubeObject o : sorted(api, NetworkPolicy.KIND)) {
      String namespace = o.metadata().namespace().orElse("");
      NetworkPolicySpec spec = ((NetworkPolicy) o).specOrEmpty();
      List<ObjectRef> selected = new ArrayList<>();
      for (Pod p : pods) {
        if (p.metadata().namespace().orElse("").equals(namespace)
            && LabelSelectors.matches(spec.podSelector(), p.metadata().labels())) {
          selected.add(ref("pod", p));
        }
      }
      out.add(new ClusterMap.Policy(ref("networkpolicy", o), policyTypes(spec), selected));
    }
    return out;
  }

  /** The spec's policyTypes, or as the API server defaults them: Ingress, and Egress when there are egress rules. */
  private static List<String> policyTypes(NetworkPolicySpec spec) {
    if (!spec.policyTypes().isEmpty()) {
      return spec.policyTypes();
    }
    return spec.egress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
  }

  private static ObjectRef ref(String kind, KubeObject o) {
    return ObjectRef.of(kind, o.metadata().namespace().orElse(""), o.metadata().nameOrEmpty());
  }
}
