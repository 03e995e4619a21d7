package dev.kubesim.impl.controller;

import dev.kubesim.api.model.EndpointAddress;
import dev.kubesim.api.model.EndpointPort;
import dev.kubesim.api.model.EndpointSubset;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.ObjectReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.sim.WorkQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Endpoints controller: for every Service with a selector, an Endpoints object of the same name
 * listing the matching pods — ready ones in {@code addresses}, others in {@code
 * notReadyAddresses} (all in {@code addresses} with {@code publishNotReadyAddresses}) — on the
 * target port resolved per pod, grouped into subsets by port set as {@code RepackSubsets} does.
 * Services without a selector keep the Endpoints their users write.
 */
public final class EndpointsController {
  /** The label on the Endpoints of a Service without a ClusterIP ({@code v1.IsHeadlessService}). */
  static final String HEADLESS_LABEL = "service.kubernetes.io/headless";

  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final ServicePods servicePods;

  private EndpointsController(ApiServer api, ServicePods servicePods) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), "endpoint-controller", this::sync);
    this.servicePods = servicePods;
    servicePods.subscribe(queue::add);
  }

  /** Starts the controller, woken by the cluster's shared {@code servicePods} index. */
  public static EndpointsController start(ApiServer api, ServicePods servicePods) {
    return new EndpointsController(api, servicePods);
  }

  private void sync(ObjectKey key) {
    Optional<Service> found = api.get(Service.KIND, key.namespace(), key.name()).map(Service.class::cast);
    if (found.isEmpty()) {
      // The Service is gone: so is the Endpoints object of its name, as the real controller does.
      if (api.get(Endpoints.KIND, key.namespace(), key.name()).isPresent()) {
        api.delete(Endpoints.KIND, key.namespace(), key.name());
      }
      return;
    }
    Service svc = found.get();
    ServiceSpec spec = svc.specOrEmpty();
    if (spec.selector().isEmpty()) {
      return;
    }
    boolean publishNotReady = spec.publishNotReadyAddresses().orElse(false);
    // Per pod: which ports it serves; pods with the same port list share a subset.
    Map<List<EndpointPort>, List<EndpointAddress>[]> subsets = new LinkedHashMap<>();
    for (Pod pod : servicePods.podsOf(svc)) {
      if (!ServicePortResolver.shouldBeInEndpoints(pod, publishNotReady)) {
        continue;
      }
      List<EndpointPort> ports = new ArrayList<>();
      for (ServicePort sp : spec.ports()) {
        OptionalInt port = ServicePortResolver.findPort(pod, sp);
        if (port.isPresent()) {
          ports.add(new EndpointPort(sp.name(), Optional.of(port.getAsInt()), sp.protocol(), sp.appProtocol()));
        }
      }
      if (ports.isEmpty() && !spec.ports().isEmpty()) {
        continue;
      }
      EndpointAddress address = new EndpointAddress(
          Optional.of(ServicePortResolver.podIP(pod)),
          ServicePortResolver.hostname(pod, svc),
          Optional.of(PodStates.nodeName(pod)).filter(n -> !n.isEmpty()),
          Optional.of(new ObjectReference(Optional.of("Pod"), pod.metadata().namespace(), pod.metadata().name(),
              pod.metadata().uid(), Optional.empty(), Optional.empty(), Optional.empty())));
      @SuppressWarnings("unchecked")
      List<EndpointAddress>[] lists = subsets.computeIfAbsent(ports, p -> new List[] {new ArrayList<>(), new ArrayList<>()});
      boolean ready = publishNotReady || PodStates.isReady(pod);
      lists[ready ? 0 : 1].add(address);
    }
    List<EndpointSubset> result = new ArrayList<>();
    Comparator<EndpointAddress> byIp = Comparator.comparing(a -> a.ip().orElse(""));
    for (Map.Entry<List<EndpointPort>, List<EndpointAddress>[]> e : subsets.entrySet()) {
      List<EndpointAddress> ready = new ArrayList<>(e.getValue()[0]);
      List<EndpointAddress> notReady = new ArrayList<>(e.getValue()[1]);
      ready.sort(byIp);
      notReady.sort(byIp);
      result.add(new EndpointSubset(ready, notReady, e.getKey()));
    }
    Map<String, String> labels = labels(svc);
    ObjectMeta meta = ObjectMeta.builder()
        .namespace(key.namespace())
        .name(key.name())
        .labels(labels)
        .build();
    Optional<Endpoints> current = api.get(Endpoints.KIND, key.namespace(), key.name()).map(Endpoints.class::cast);
    if (current.isEmpty()) {
      api.create(Endpoints.of(meta, result));
    } else if (!current.get().subsets().equals(result) || !current.get().metadata().labels().equals(labels)) {
      Endpoints e = current.get();
      api.write(e.withSubsets(result).withMetadata(e.metadata().toBuilder().labels(labels).build()));
    }
  }

  /**
   * The Service's labels, with {@code service.kubernetes.io/headless} added when it has no
   * ClusterIP ({@code IsServiceIPSet} false) and taken out otherwise, as syncService writes them.
   */
  static Map<String, String> labels(Service svc) {
    Map<String, String> labels = new java.util.TreeMap<>(svc.metadata().labels());
    String clusterIP = svc.specOrEmpty().clusterIP().orElse("");
    if (clusterIP.isEmpty() || clusterIP.equals("None")) {
      labels.put(HEADLESS_LABEL, "");
    } else {
      labels.remove(HEADLESS_LABEL);
    }
    return labels;
  }
}
