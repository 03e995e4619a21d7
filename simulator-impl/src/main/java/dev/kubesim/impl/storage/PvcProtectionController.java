package dev.kubesim.impl.storage;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.apiserver.registry.PersistentVolumeClaimStrategy;
import dev.kubesim.impl.sim.WorkQueue;
import java.util.Optional;

/**
 * The PVC protection controller ({@code pkg/controller/volume/pvcprotection}): a claim being
 * deleted keeps its {@code kubernetes.io/pvc-protection} finalizer, and so stays {@code
 * Terminating}, while a scheduled pod that has not finished uses it; the finalizer goes when the
 * last such pod does.
 */
public final class PvcProtectionController {
  private final ApiServer api;
  private final WorkQueue<ObjectKey> queue;

  private PvcProtectionController(ApiServer api) {
    this.api = api;
    this.queue = new WorkQueue<>(api.loop(), "pvc-protection-controller", this::sync);
  }

  /** Starts the controller. */
  public static PvcProtectionController start(ApiServer api) {
    PvcProtectionController c = new PvcProtectionController(api);
    api.store().watch(StorageObjects.PVC, e -> {
      if (e.type() != WatchEvent.Type.DELETED && e.object().metadata().deletionTimestamp().isPresent()) {
        c.queue.add(ObjectStore.keyOf(e.object()));
      }
    });
    api.store().watch(Pod.KIND, c::onPod);
    return c;
  }

  /** A pod that goes or finishes may have been the last user of its claims. */
  private void onPod(WatchEvent e) {
    Pod pod = (Pod) e.object();
    if (e.type() == WatchEvent.Type.DELETED || !uses(pod)) {
      String ns = pod.metadata().namespace().orElse("default");
      StorageObjects.claimNames(pod).forEach(claim -> queue.add(new ObjectKey(ns, claim)));
    }
  }

  private void sync(ObjectKey key) {
    Optional<KubeObject> claim = api.get(StorageObjects.PVC, key.namespace(), key.name());
    if (claim.isEmpty() || claim.get().metadata().deletionTimestamp().isEmpty()
        || !claim.get().metadata().finalizers().contains(PersistentVolumeClaimStrategy.PVC_PROTECTION)) {
      return;
    }
    boolean inUse = api.list(Pod.KIND, Optional.of(key.namespace())).stream()
        .map(Pod.class::cast)
        .anyMatch(p -> uses(p) && StorageObjects.claimNames(p).contains(key.name()));
    if (!inUse) {
      api.removeFinalizer(claim.get(), PersistentVolumeClaimStrategy.PVC_PROTECTION);
    }
  }

  /** {@code podUsesPVC}: the kubelet may run the pod's containers on the claim's volume. */
  private static boolean uses(Pod pod) {
    String phase = PodStates.phase(pod);
    return !PodStates.nodeName(pod).isEmpty() && !phase.equals("Succeeded") && !phase.equals("Failed");
  }
}
