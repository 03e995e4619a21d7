package dev.kubesim.impl.controller;

import com.google.common.collect.ImmutableSortedMap;
import dev.kubesim.api.model.EndpointAddress;
import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointPort;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.EndpointSubset;
import dev.kubesim.api.model.Endpoints;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Service;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.sim.WorkQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EndpointSlice mirroring controller: the Endpoints a user writes for a Service without a
 * selector are copied into EndpointSlices (one per port list and address family), so that
 * consumers of EndpointSlices such as kube-proxy see them. Mirrored slices carry the Endpoints'
 * labels, {@code kubernetes.io/service-name} and the mirroring manager, and are owned by the
 * Endpoints; they go when the Endpoints or the Service go, when the Service gains a selector, or
 * when the Endpoints are labelled {@code endpointslice.kubernetes.io/skip-mirror: "true"}.
 */
public final class EndpointSliceMirroringController {
  static final String MANAGER = "endpointslicemirroring-controller.k8s.io";
  static final String SKIP_MIRROR_LABEL = "endpointslice.kubernetes.io/skip-mirror";

  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;
  private final ManagedSlices slices;

  private EndpointSliceMirroringController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), "endpointslice-mirroring-controller", this::sync);
    api.store().watch(Endpoints.KIND, e -> queue.add(ObjectStore.keyOf(e.object())));
    api.store().watch(Service.KIND, e -> queue.add(ObjectStore.keyOf(e.object())));
    this.slices = new ManagedSlices(api.store(), MANAGER);
  }

  public static EndpointSliceMirroringController start(ApiServer api) {
    return new EndpointSliceMirroringController(api);
  }

  private void sync(ObjectKey key) {
    Optional<Endpoints> endpoints = api.get(Endpoints.KIND, key.namespace(), key.name()).map(Endpoints.class::cast);
    Optional<Service> service = api.get(Service.KIND, key.namespace(), key.name()).map(Service.class::cast);
    List<EndpointSlice> existing = new ArrayList<>();
    for (String name : slices.of(key)) {
      api.get(EndpointSlice.KIND, key.namespace(), name).map(EndpointSlice.class::cast).ifPresent(existing::add);
    }
    boolean mirror = endpoints.isPresent() && service.isPresent() && service.get().specOrEmpty().selector().isEmpty()
        && !"true".equals(endpoints.get().metadata().labels().get(SKIP_MIRROR_LABEL));
    Map<List<EndpointSlicePort>, Map<String, List<EndpointSliceEndpoint>>> groups = new LinkedHashMap<>();
    if (mirror) {
      for (EndpointSubset subset : endpoints.get().subsets()) {
        List<EndpointSlicePort> ports = new ArrayList<>();
        for (EndpointPort p : subset.ports()) {
          ports.add(new EndpointSlicePort(Optional.of(p.name().orElse("")), Optional.of(p.protocol().orElse("TCP")), p.port(),
              p.appProtocol()));
        }
        Map<String, List<EndpointSliceEndpoint>> byFamily = groups.computeIfAbsent(ports, k -> new LinkedHashMap<>());
        for (EndpointAddress a : subset.addresses()) {
          add(byFamily, a, true);
        }
        for (EndpointAddress a : subset.notReadyAddresses()) {
          add(byFamily, a, false);
        }
      }
    }
    List<EndpointSlice> reusable = new ArrayList<>(existing);
    for (Map.Entry<List<EndpointSlicePort>, Map<String, List<EndpointSliceEndpoint>>> g : groups.entrySet()) {
      for (Map.Entry<String, List<EndpointSliceEndpoint>> f : g.getValue().entrySet()) {
        write(endpoints.get(), reusable.isEmpty() ? null : reusable.remove(0), f.getKey(), f.getValue(), g.getKey());
      }
    }
    for (EndpointSlice leftover : reusable) {
      api.delete(EndpointSlice.KIND, key.namespace(), leftover.metadata().nameOrEmpty());
    }
  }

  /** {@code addressToEndpoint}: only the ready condition is set, as the Endpoints carry nothing else. */
  private static void add(Map<String, List<EndpointSliceEndpoint>> byFamily, EndpointAddress a, boolean ready) {
    String ip = a.ip().orElse("");
    byFamily.computeIfAbsent(ip.contains(":") ? "IPv6" : "IPv4", k -> new ArrayList<>()).add(new EndpointSliceEndpoint(
        List.of(ip),
        Optional.of(new EndpointConditions(Optional.of(ready), Optional.empty(), Optional.empty())),
        a.hostname(),
        a.targetRef(),
        Map.of(),
        a.nodeName(),
        Optional.empty(),
        Optional.empty()));
  }

  private void write(Endpoints endpoints, EndpointSlice current, String family, List<EndpointSliceEndpoint> items,
      List<EndpointSlicePort> ports) {
    String name = endpoints.metadata().nameOrEmpty();
    Map<String, String> labels = new LinkedHashMap<>(endpoints.metadata().labels());
    labels.put(EndpointSliceController.SERVICE_NAME_LABEL, name);
    labels.put(EndpointSliceController.MANAGED_BY_LABEL, MANAGER);
    if (current == null) {
      OwnerReference owner = new OwnerReference("v1", Endpoints.KIND, name, endpoints.metadata().uid().orElse(""),
          Optional.of(true), Optional.of(true));
      ObjectMeta meta = ObjectMeta.builder()
          .namespace(endpoints.metadata().namespace().orElse("default"))
          .generateName(name + "-")
          .labels(ImmutableSortedMap.copyOf(labels))
          .ownerReferences(List.of(owner))
          .build();
      api.create(EndpointSlice.of(meta, family, items, ports));
      return;
    }
    EndpointSlice updated = EndpointSlice.of(
        current.metadata().toBuilder().labels(ImmutableSortedMap.copyOf(labels)).build(), family, items, ports);
    if (!updated.equals(current)) {
      api.write(updated);
    }
  }
}
