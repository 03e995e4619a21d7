package dev.kubesim.impl.storage;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.apiserver.registry.PersistentVolumeStrategy;
import dev.kubesim.impl.sim.WorkQueue;
import java.util.Optional;

/**
 * The PV protection controller ({@code pkg/controller/volume/pvprotection}): a volume being
 * deleted keeps its {@code kubernetes.io/pv-protection} finalizer while it is {@code Bound} to a
 * claim, and loses it once it is not.
 */
public final class PvProtectionController {
  private final ApiServer api;
  private final WorkQueue<String> queue;

  private PvProtectionController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), "pv-protection-controller", this::sync);
  }

  /** Starts the controller. */
  public static PvProtectionController start(ApiServer api) {
    PvProtectionController c = new PvProtectionController(api);
    api.store().watch(StorageObjects.PV, e -> {
      if (e.type() != WatchEvent.Type.DELETED && e.object().metadata().deletionTimestamp().isPresent()) {
        c.queue.add(e.object().metadata().nameOrEmpty());
      }
    });
    return c;
  }

  private void sync(String name) {
    Optional<GenericObject> pv = api.get(StorageObjects.PV, "", name).map(GenericObject.class::cast);
    if (pv.isEmpty() || pv.get().metadata().deletionTimestamp().isEmpty()
        || !pv.get().metadata().finalizers().contains(PersistentVolumeStrategy.PV_PROTECTION)
        || StorageObjects.phase(pv.get()).equals("Bound")) {
      return;
    }
    api.removeFinalizer(pv.get(), PersistentVolumeStrategy.PV_PROTECTION);
  }
}
