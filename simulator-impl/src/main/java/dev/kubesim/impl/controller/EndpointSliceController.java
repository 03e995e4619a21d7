package dev.kubesim.impl.controller;

import com.google.common.collect.ImmutableSortedMap;
import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.ObjectReference;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.sim.WorkQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The EndpointSlice controller: for every Service with a selector, slices labelled {@code
 * kubernetes.io/service-name} and owned by the Service, one set per distinct port list, at most
 * {@value #MAX_ENDPOINTS} endpoints each, with the conditions kube-proxy reads: {@code ready},
 * {@code serving}, {@code terminating}. Terminating pods stay in the slices (so kube-proxy can fall
 * back to them); slices of other managers are left alone.
 */
public final class EndpointSliceController {
  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  public static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
  public static final String MANAGER = "endpointslice-controller.k8s.io";
  static final int MAX_ENDPOINTS = 100;

  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final ServicePods servicePods;
  private final ManagedSlices slices;

  private EndpointSliceController(ApiServer api, ServicePods servicePods) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), "endpointslice-controller", this::sync);
    this.servicePods = servicePods;
    servicePods.subscribe(queue::add);
    this.slices = new ManagedSlices(api.store(), MANAGER);
  }

  /** Starts the controller, woken by the cluster's shared {@code servicePods} index. */
  public static EndpointSliceController start(ApiServer api, ServicePods servicePods) {
    return new EndpointSliceController(api, servicePods);
  }

  private List<EndpointSlice> ourSlices(ObjectKey svc) {
    List<EndpointSlice> out = new ArrayList<>();
    for (String name : slices.of(svc)) {
      api.get(EndpointSlice.KIND, svc.namespace(), name).map(EndpointSlice.class::cast).ifPresent(out::add);
    }
    return out;
  }

  private void sync(ObjectKey key) {
    Optional<Service> found = api.get(Service.KIND, key.namespace(), key.name()).map(Service.class::cast);
    List<EndpointSlice> existing = ourSlices(key);
    if (found.isEmpty() || found.get().specOrEmpty().selector().isEmpty()
        || found.get().specOrEmpty().typeOrDefault().equals("ExternalName")) {
      for (EndpointSlice s : existing) {
        api.delete(EndpointSlice.KIND, key.namespace(), s.metadata().nameOrEmpty());
      }
      return;
    }
    Service svc = found.get();
    ServiceSpec spec = svc.specOrEmpty();
    boolean publishNotReady = spec.publishNotReadyAddresses().orElse(false);
    String family = spec.ipFamilies().isEmpty() ? "IPv4" : spec.ipFamilies().get(0);
    Map<List<EndpointSlicePort>, List<EndpointSliceEndpoint>> groups = new LinkedHashMap<>();
    for (Pod pod : servicePods.podsOf(svc)) {
      if (!ServicePortResolver.shouldBeInEndpoints(pod, true)) {
        continue;
      }
      String ip = ServicePortResolver.podIP(pod);
      if (ip.contains(":") != family.equals("IPv6")) {
        continue;
      }
      List<EndpointSlicePort> ports = new ArrayList<>();
      for (ServicePort sp : spec.ports()) {
        OptionalInt port = ServicePortResolver.findPort(pod, sp);
        if (port.isPresent()) {
          ports.add(new EndpointSlicePort(Optional.of(sp.name().orElse("")), sp.protocol(), Optional.of(port.getAsInt()), sp.appProtocol()));
        }
      }
      boolean serving = PodStates.isReady(pod);
      boolean terminating = PodStates.isTerminating(pod);
      boolean ready = publishNotReady || (serving && !terminating);
      EndpointSliceEndpoint endpoint = new EndpointSliceEndpoint(
          List.of(ip),
          Optional.of(new EndpointConditions(Optional.of(ready), Optional.of(publishNotReady || serving), Optional.of(terminating))),
          ServicePortResolver.hostname(pod, svc),
          Optional.of(new ObjectReference(Optional.of("Pod"), pod.metadata().namespace(), pod.metadata().name(),
              pod.metadata().uid(), Optional.empty(), Optional.empty(), Optional.empty())),
          Map.of(),
          Optional.of(PodStates.nodeName(pod)).filter(n -> !n.isEmpty()),
          Optional.empty(),
          Optional.empty());
      groups.computeIfAbsent(ports, p -> new ArrayList<>()).add(endpoint);
    }
    if (groups.isEmpty()) {
      // A Service without endpoints keeps one empty placeholder slice, as the real controller does.
      groups.put(List.of(), new ArrayList<>());
    }
    List<EndpointSlice> reusable = new ArrayList<>(existing);
    for (Map.Entry<List<EndpointSlicePort>, List<EndpointSliceEndpoint>> g : groups.entrySet()) {
      List<EndpointSliceEndpoint> all = g.getValue();
      int chunks = Math.max(1, (all.size() + MAX_ENDPOINTS - 1) / MAX_ENDPOINTS);
      for (int i = 0; i < chunks; i++) {
        List<EndpointSliceEndpoint> chunk = all.subList(i * MAX_ENDPOINTS, Math.min(all.size(), (i + 1) * MAX_ENDPOINTS));
        EndpointSlice slice = reusable.isEmpty() ? null : reusable.remove(0);
        write(svc, family, slice, chunk, g.getKey());
      }
    }
    for (EndpointSlice leftover : reusable) {
      api.delete(EndpointSlice.KIND, key.namespace(), leftover.metadata().nameOrEmpty());
    }
  }

  private void write(Service svc, String family, EndpointSlice current, List<EndpointSliceEndpoint> endpoints, List<EndpointSlicePort> ports) {
    Map<String, String> labels = new LinkedHashMap<>(svc.metadata().labels());
    labels.put(SERVICE_NAME_LABEL, svc.metadata().nameOrEmpty());
    labels.put(MANAGED_BY_LABEL, MANAGER);
    labels.remove("service.kubernetes.io/headless");
    if (svc.specOrEmpty().isHeadless()) {
      labels.put("service.kubernetes.io/headless", "");
    }
    OwnerReference owner = new OwnerReference("v1", "Service", svc.metadata().nameOrEmpty(), svc.metadata().uid().orElse(""),
        Optional.of(true), Optional.of(true));
    if (current == null) {
      ObjectMeta meta = ObjectMeta.builder()
          .namespace(svc.metadata().namespace().orElse("default"))
          .generateName(svc.metadata().nameOrEmpty() + "-")
          .labels(ImmutableSortedMap.copyOf(labels))
          .ownerReferences(List.of(owner))
          .build();
      api.create(EndpointSlice.of(meta, family, endpoints, ports));
      return;
    }
    EndpointSlice updated = EndpointSlice.of(
        current.metadata().toBuilder().labels(ImmutableSortedMap.copyOf(labels)).build(), family, endpoints, ports);
    if (!updated.equals(current)) {
      api.write(updated);
    }
  }
}
