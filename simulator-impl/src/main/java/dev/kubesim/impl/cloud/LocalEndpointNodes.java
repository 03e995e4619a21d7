package dev.kubesim.impl.cloud;

import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which nodes hold a ready endpoint of each Service, from its EndpointSlices: what kube-proxy's
 * health-check server on the {@code healthCheckNodePort} answers for (200 with at least one local
 * ready endpoint, 503 without), and so what a cloud load balancer's health check sees for an
 * {@code externalTrafficPolicy: Local} Service.
 */
final class LocalEndpointNodes {
  private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  /** Service → slice name → nodes with a ready endpoint in that slice. */
  private final Map<ObjectKey, TreeMap<String, SortedSet<String>>> byService = new HashMap<>();

  /** Follows the store's EndpointSlices from now on (call before any slice exists, or replay them). */
  void watch(ObjectStore store) {
    store.watch(EndpointSlice.KIND, this::onSlice);
  }

  private void onSlice(WatchEvent e) {
    e.previous().map(EndpointSlice.class::cast).ifPresent(this::remove);
    if (e.type() != WatchEvent.Type.DELETED) {
      put((EndpointSlice) e.object());
    }
  }

  private void put(EndpointSlice slice) {
    serviceOf(slice).ifPresent(svc -> {
      SortedSet<String> nodes = new TreeSet<>();
      for (EndpointSliceEndpoint ep : slice.endpoints()) {
        if (isReady(ep) && ep.nodeName().isPresent()) {
          nodes.add(ep.nodeName().get());
        }
      }
      byService.computeIfAbsent(svc, k -> new TreeMap<>()).put(slice.metadata().nameOrEmpty(), nodes);
    });
  }

  private void remove(EndpointSlice slice) {
    serviceOf(slice).ifPresent(svc -> {
      TreeMap<String, SortedSet<String>> slices = byService.get(svc);
      if (slices != null) {
        slices.remove(slice.metadata().nameOrEmpty());
        if (slices.isEmpty()) {
          byService.remove(svc);
        }
      }
    });
  }

  /** The nodes with at least one ready endpoint of the Service, in name order. */
  SortedSet<String> nodesOf(ObjectKey service) {
    SortedSet<String> out = new TreeSet<>();
    TreeMap<String, SortedSet<String>> slices = byService.get(service);
    if (slices != null) {
      slices.values().forEach(out::addAll);
    }
    return out;
  }

  /** kube-proxy's reading: a missing {@code ready} condition counts as ready. */
  private static boolean isReady(EndpointSliceEndpoint ep) {
    return ep.conditions().flatMap(EndpointConditions::ready).orElse(true);
  }

  private static Optional<ObjectKey> serviceOf(EndpointSlice slice) {
    String svc = slice.metadata().labels().get(SERVICE_NAME_LABEL);
    return svc == null || svc.isEmpty()
        ? Optional.empty()
        : Optional.of(new ObjectKey(slice.metadata().namespace().orElse(""), svc));
  }
}
