package dev.kubesim.impl.cluster;

import dev.kubesim.api.DeploymentView;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.ServiceView;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentStatus;
import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.PodStates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The read-only views of Services and Deployments, built from the stored objects at one instant. */
final class Views {
  /** The label by which an EndpointSlice names its Service. */
  private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private Views() {}

  /** The Service's view; {@code services "NAME" not found} when it does not exist. */
  static ServiceView service(ApiServer api, String namespace, String name) {
    Service svc = (Service) api.getOrThrow(Service.KIND, namespace, name);
    ServiceSpec spec = svc.specOrEmpty();
    List<ServiceView.Port> ports = new ArrayList<>();
    for (ServicePort p : spec.ports()) {
      ports.add(new ServiceView.Port(p.name().orElse(""), p.protocol().orElse("TCP"), p.port().orElse(0),
          p.targetPort().map(Views::text).orElse(Integer.toString(p.port().orElse(0))), p.nodePort().orElse(0)));
    }
    Optional<String> lbIp = svc.status()
        .flatMap(ServiceStatus::loadBalancer)
        .flatMap(lb -> lb.ingress().stream().flatMap(i -> i.ip().stream()).findFirst());
    return new ServiceView(ObjectRef.service(namespace, name), spec.typeOrDefault(), spec.clusterIP().orElse(""), ports, lbIp,
        readyEndpoints(api, namespace, name));
  }

  private static String text(IntOrString value) {
    return value.stringValue();
  }

  /** The ready endpoints of every slice of the Service, each address once, by (pod, address). */
  private static List<ServiceView.Endpoint> readyEndpoints(ApiServer api, String namespace, String service) {
    List<ServiceView.Endpoint> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (KubeObject o : api.list(EndpointSlice.KIND, Optional.of(namespace))) {
      if (!service.equals(o.metadata().labels().get(SERVICE_NAME_LABEL))) {
        continue;
      }
      for (EndpointSliceEndpoint e : ((EndpointSlice) o).endpoints()) {
        // a nil ready condition means ready, as the EndpointSlice API tells consumers to read it
        if (!e.conditions().flatMap(EndpointConditions::ready).orElse(true)) {
          continue;
        }
        Optional<ObjectRef> pod = e.targetRef()
            .filter(r -> r.kind().filter("Pod"::equals).isPresent())
            .flatMap(r -> r.name().map(n -> ObjectRef.pod(r.namespace().orElse(namespace), n)));
        for (String address : e.addresses()) {
          if (seen.add(address)) {
            out.add(new ServiceView.Endpoint(address, pod, e.nodeName().orElse("")));
          }
        }
      }
    }
    out.sort(Comparator.comparing((ServiceView.Endpoint e) -> e.pod().map(ObjectRef::name).orElse(""))
        .thenComparing(ServiceView.Endpoint::address));
    return out;
  }

  /** The Deployment's view; {@code deployments.apps "NAME" not found} when it does not exist. */
  static DeploymentView deployment(ApiServer api, String namespace, String name) {
    Deployment d = (Deployment) api.getOrThrow(Deployment.KIND, namespace, name);
    Optional<DeploymentStatus> status = d.status();
    return new DeploymentView(ObjectRef.of("deployment", namespace, name), d.specOrEmpty().replicas().orElse(1),
        status.flatMap(DeploymentStatus::readyReplicas).orElse(0),
        status.flatMap(DeploymentStatus::updatedReplicas).orElse(0),
        status.flatMap(DeploymentStatus::availableReplicas).orElse(0),
        pods(api, d));
  }

  /** The pods, not terminating, whose controller is a ReplicaSet the Deployment controls; in name order. */
  private static List<ObjectRef> pods(ApiServer api, Deployment d) {
    String namespace = d.metadata().namespace().orElse("");
    Set<String> replicaSets = new HashSet<>();
    for (KubeObject rs : api.list(ReplicaSet.KIND, Optional.of(namespace))) {
      if (controlledBy(rs, d)) {
        replicaSets.add(rs.metadata().uid().orElse(""));
      }
    }
    List<ObjectRef> out = new ArrayList<>();
    for (KubeObject o : api.list(Pod.KIND, Optional.of(namespace))) {
      Optional<OwnerReference> owner = o.metadata().controllerRef();
      if (owner.isPresent() && replicaSets.contains(owner.get().uid()) && !PodStates.isTerminating((Pod) o)) {
        out.add(ObjectRef.pod(namespace, o.metadata().nameOrEmpty()));
      }
    }
    return out;
  }

  private static boolean controlledBy(KubeObject o, KubeObject owner) {
    Optional<String> uid = owner.metadata().uid();
    return uid.isPresent() && o.metadata().controllerRef().filter(r -> r.uid().equals(uid.get())).isPresent();
  }
}
