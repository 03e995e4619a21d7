package dev.kubesim.impl.controller;

import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The EndpointSlices one manager owns, by the Service name they carry ({@code
 * kubernetes.io/service-name}), kept from watch events as an informer's index is: what the
 * EndpointSlice controller and the mirroring controller each reconcile, told apart by {@code
 * endpointslice.kubernetes.io/managed-by}.
 */
final class ManagedSlices {
  private final String manager;
  private final Map<ObjectKey, TreeSet<String>> byService = new HashMap<>();

  /** Follows the store's EndpointSlices of {@code manager} from now on. */
  ManagedSlices(ObjectStore store, String manager) {
    this.manager = manager;
    store.watch(EndpointSlice.KIND, this::onSlice);
  }

  private void onSlice(WatchEvent e) {
    ObjectKey key = ObjectStore.keyOf(e.object());
    e.previous().filter(p -> e.type() != WatchEvent.Type.ADDED).flatMap(this::serviceOf).ifPresent(svc -> {
      TreeSet<String> names = byService.get(new ObjectKey(key.namespace(), svc));
      if (names != null) {
        names.remove(key.name());
      }
    });
    if (e.type() != WatchEvent.Type.DELETED) {
      serviceOf(e.object()).ifPresent(svc ->
          byService.computeIfAbsent(new ObjectKey(key.namespace(), svc), k -> new TreeSet<>()).add(key.name()));
    }
  }

  /** The Service a slice of this manager belongs to. */
  private Optional<String> serviceOf(KubeObject slice) {
    Map<String, String> labels = slice.metadata().labels();
    return manager.equals(labels.get(EndpointSliceController.MANAGED_BY_LABEL))
        ? Optional.ofNullable(labels.get(EndpointSliceController.SERVICE_NAME_LABEL))
        : Optional.empty();
  }

  /** The names of the manager's slices for a Service, in name order (a copy). */
  List<String> of(ObjectKey service) {
    TreeSet<String> names = byService.get(service);
    return names == null ? List.of() : List.copyOf(names);
  }
}
