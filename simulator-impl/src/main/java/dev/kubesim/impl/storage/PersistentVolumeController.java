package dev.kubesim.impl.storage;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.WorkQueue;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.PodStates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PersistentVolume controller of kube-controller-manager ({@code
 * pkg/controller/volume/persistentvolume/pv_controller.go}), reduced to its claims and volumes:
 * {@code syncClaim} binds an unbound claim to its best matching volume (or asks the class's
 * provisioner for one, or waits for the first consumer of a WaitForFirstConsumer class), and
 * {@code syncVolume} keeps each volume's phase: {@code Available} without a claim, {@code Bound}
 * with one, {@code Released} once its claim is gone, when the reclaim policy decides what happens
 * next ({@code Retain}: nothing; {@code Delete}: the provisioner that made it deletes it).
 */
public final class PersistentVolumeController {
  static final String COMPONENT = "persistentvolume-controller";
  static final String BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
  static final String BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
  static final String STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
  static final String BETA_STORAGE_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
  static final String PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
  /** The provisioner of classes whose volumes an administrator makes by hand. */
  static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";

  private final ApiServer api;
  private final EventRecorder events;
  private final WorkQueue<ObjectKey> claims;
  private final WorkQueue<String> volumes;

  private PersistentVolumeController(ApiServer api) {
    this.api = api;
    this.events = new EventRecorder(api, COMPONENT, "");
    this.claims = new WorkQueue<>(api.loop(), COMPONENT + " claim", this::syncClaim);
    this.volumes = new WorkQueue<>(api.loop(), COMPONENT + " volume", this::syncVolume);
  }

  /** Starts the controller on the cluster's API server. */
  public static PersistentVolumeController start(ApiServer api) {
    PersistentVolumeController c = new PersistentVolumeController(api);
    api.store().watch(StorageObjects.PVC, c::onClaim);
    api.store().watch(StorageObjects.PV, c::onVolume);
    api.store().watch(StorageObjects.STORAGE_CLASS, c::onClass);
    return c;
  }

  private void onClaim(WatchEvent e) {
    GenericObject claim = (GenericObject) e.object();
    if (e.type() == WatchEvent.Type.DELETED) {
      // The claim's volume is released.
      String volume = StorageObjects.volumeName(claim);
      if (!volume.isEmpty()) {
        volumes.add(volume);
      }
      return;
    }
    claims.add(ObjectStore.keyOf(claim));
  }

  private void onVolume(WatchEvent e) {
    GenericObject pv = (GenericObject) e.object();
    if (e.type() != WatchEvent.Type.DELETED) {
      volumes.add(pv.metadata().nameOrEmpty());
    }
    // The claim it names, or, for a volume that may now be free, every claim still waiting (the resync's work).
    Optional<Map<String, Object>> ref = StorageObjects.claimRef(pv);
    if (ref.isPresent()) {
      claims.add(new ObjectKey(StorageObjects.str(ref.get(), "namespace"), StorageObjects.str(ref.get(), "name")));
    } else {
      requeueUnboundClaims();
    }
  }

  private void onClass(WatchEvent e) {
    if (e.type() != WatchEvent.Type.DELETED) {
      requeueUnboundClaims();
    }
  }

  private void requeueUnboundClaims() {
    for (KubeObject o : api.list(StorageObjects.PVC, Optional.empty())) {
      if (StorageObjects.phase((GenericObject) o).equals("Pending")) {
        claims.add(ObjectStore.keyOf(o));
      }
    }
  }

  // ---- claims

  private void syncClaim(ObjectKey key) {
    Optional<GenericObject> found = api.get(StorageObjects.PVC, key.namespace(), key.name()).map(GenericObject.class::cast);
    if (found.isEmpty()) {
      return;
    }
    GenericObject claim = found.get();
    if (StorageObjects.volumeName(claim).isEmpty()) {
      syncUnboundClaim(claim);
    } else {
      syncBoundClaim(claim);
    }
  }

  private void syncUnboundClaim(GenericObject claim) {
    String className = StorageObjects.claimClass(claim);
    Optional<GenericObject> storageClass = className.isEmpty() ? Optional.empty()
        : api.get(StorageObjects.STORAGE_CLASS, "", className).map(GenericObject.class::cast);
    boolean delayBinding = storageClass.map(sc -> "WaitForFirstConsumer".equals(sc.content().get("volumeBindingMode"))).orElse(false);
    Optional<GenericObject> volume = VolumeMatcher.findBestMatch(claim, api.list(StorageObjects.PV, Optional.empty()), delayBinding);
    if (volume.isPresent()) {
      bind(volume.get(), claim);
      return;
    }
    if (delayBinding && !claim.metadata().annotations().containsKey(StorageObjects.SELECTED_NODE)) {
      waitForConsumer(claim);
      return;
    }
    if (className.isEmpty()) {
      events.normal(claim, "FailedBinding", "no persistent volumes available for this claim and no storage class is set");
      return;
    }
    if (storageClass.isEmpty()) {
      events.warning(claim, "ProvisioningFailed", "storageclass.storage.k8s.io \"" + className + "\" not found");
      return;
    }
    provision(claim, String.valueOf(storageClass.get().content().get("provisioner")));
  }

  /**
   * {@code emitEventForUnboundDelayBindingClaim}: no pod uses the claim yet, or the pods that do
   * are waiting for the scheduler.
   */
  private void waitForConsumer(GenericObject claim) {
    String name = claim.metadata().nameOrEmpty();
    List<String> pods = api.list(Pod.KIND, claim.metadata().namespace()).stream()
        .map(Pod.class::cast)
        .filter(p -> PodStates.nodeName(p).isEmpty() && StorageObjects.claimNames(p).contains(name))
        .map(p -> p.metadata().nameOrEmpty()).sorted().toList();
    if (pods.isEmpty()) {
      events.normal(claim, "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
    } else {
      events.normal(claim, "WaitForPodScheduled", pods.size() == 1 ? "waiting for pod " + pods.get(0) + " to be scheduled"
          : "waiting for pods " + String.join(",", pods) + " to be scheduled");
    }
  }

  /** {@code provisionClaim} for an out-of-tree provisioner: names it on the claim, and waits for its volume. */
  private void provision(GenericObject claim, String provisioner) {
    if (provisioner.equals(NO_PROVISIONER)) {
      events.warning(claim, "ProvisioningFailed", "no volume plugin matched name: " + NO_PROVISIONER);
      return;
    }
    GenericObject annotated = claim;
    if (!provisioner.equals(claim.metadata().annotations().get(STORAGE_PROVISIONER))) {
      annotated = StorageObjects.withAnnotation(annotated, BETA_STORAGE_PROVISIONER, provisioner);
      annotated = StorageObjects.withAnnotation(annotated, STORAGE_PROVISIONER, provisioner);
      annotated = api.write(annotated);
    }
    events.normal(annotated, "ExternalProvisioning", "Waiting for a volume to be created either by the external provisioner '"
        + provisioner + "' or manually by the system administrator. If volume creation is delayed, please verify that the"
        + " provisioner is running and correctly registered.");
  }

  private void syncBoundClaim(GenericObject claim) {
    String name = StorageObjects.volumeName(claim);
    Optional<GenericObject> volume = api.get(StorageObjects.PV, "", name).map(GenericObject.class::cast);
    if (volume.isEmpty()) {
      if (StorageObjects.phase(claim).equals("Bound")) {
        api.write(withPhase(claim, "Lost"));
        events.warning(claim, "ClaimLost", "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!");
      }
      return; // pre-bound to a volume that does not exist yet: the claim waits for it
    }
    GenericObject pv = volume.get();
    if (StorageObjects.claimRef(pv).isEmpty()) {
      // a volume the claim asks for by name must still satisfy it, or the claim waits
      Optional<String> mismatch = StorageObjects.phase(claim).equals("Bound") ? Optional.empty()
          : VolumeMatcher.unsatisfied(pv, claim);
      if (mismatch.isPresent()) {
        events.warning(claim, "VolumeMismatch", "Cannot bind to requested volume \"" + name + "\": " + mismatch.get());
        if (!StorageObjects.phase(claim).equals("Pending")) {
          api.write(withPhase(claim, "Pending"));
        }
        return;
      }
      bind(pv, claim);
      return;
    }
    if (StorageObjects.claimRefIs(pv, claim)) {
      bind(pv, claim);
      return;
    }
    if (!StorageObjects.phase(claim).equals("Bound")) {
      events.warning(claim, "FailedBinding", "volume \"" + name + "\" already bound to a different claim.");
    } else {
      api.write(withPhase(claim, "Lost"));
      events.warning(claim, "ClaimMisbound", "Two claims are bound to the same volume, this one is bound incorrectly");
    }
  }

  /** {@code bind}: the volume's claimRef and phase, then the claim's volumeName, annotations, phase, modes and capacity. */
  private void bind(GenericObject pv, GenericObject claim) {
    GenericObject volume = pv;
    if (!StorageObjects.claimRefIs(pv, claim) || StorageObjects.str(StorageObjects.claimRef(pv).orElseThrow(), "uid").isEmpty()) {
      if (StorageObjects.claimRef(pv).isEmpty()) {
        volume = StorageObjects.withAnnotation(volume, BOUND_BY_CONTROLLER, "yes");
      }
      volume = StorageObjects.withField(volume, "spec", "claimRef", StorageObjects.referenceTo(claim));
    }
    volume = withPhase(volume, "Bound");
    if (!volume.equals(pv)) {
      api.write(volume);
    }
    String name = pv.metadata().nameOrEmpty();
    GenericObject bound = claim;
    if (StorageObjects.volumeName(claim).isEmpty()) {
      bound = StorageObjects.withField(bound, "spec", "volumeName", name);
      bound = StorageObjects.withAnnotation(bound, BOUND_BY_CONTROLLER, "yes");
    }
    if (!"yes".equals(bound.metadata().annotations().get(BIND_COMPLETED))) {
      bound = StorageObjects.withAnnotation(bound, BIND_COMPLETED, "yes");
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("accessModes", StorageObjects.section(pv, "spec").getOrDefault("accessModes", List.of()));
    status.put("capacity", StorageObjects.section(pv, "spec").getOrDefault("capacity", Map.of()));
    status.put("phase", "Bound");
    bound = StorageObjects.with(bound, "status", status);
    if (!bound.equals(claim)) {
      api.write(bound);
    }
  }

  // ---- volumes

  private void syncVolume(String name) {
    Optional<GenericObject> found = api.get(StorageObjects.PV, "", name).map(GenericObject.class::cast);
    if (found.isEmpty()) {
      return;
    }
    GenericObject pv = found.get();
    Optional<Map<String, Object>> ref = StorageObjects.claimRef(pv);
    if (ref.isEmpty()) {
      if (!StorageObjects.phase(pv).equals("Available")) {
        api.write(withPhase(pv, "Available"));
      }
      return;
    }
    if (StorageObjects.str(ref.get(), "uid").isEmpty()) {
      // Pre-bound by the user: available to that claim only, which syncClaim binds.
      if (!StorageObjects.phase(pv).equals("Available")) {
        api.write(withPhase(pv, "Available"));
      }
      return;
    }
    Optional<GenericObject> claim = api.get(StorageObjects.PVC, StorageObjects.str(ref.get(), "namespace"),
        StorageObjects.str(ref.get(), "name")).map(GenericObject.class::cast)
        .filter(c -> c.metadata().uid().orElse("").equals(StorageObjects.str(ref.get(), "uid")));
    if (claim.isPresent()) {
      if (StorageObjects.volumeName(claim.get()).equals(name) && !StorageObjects.phase(pv).equals("Bound")) {
        api.write(withPhase(pv, "Bound"));
      }
      return; // a claim not bound yet is syncClaim's to bind
    }
    String phase = StorageObjects.phase(pv);
    if (phase.equals("Released") || phase.equals("Failed")) {
      return;
    }
    if (phase.equals("Bound") || phase.equals("Available") || phase.equals("Pending")) {
      GenericObject released = api.write(withPhase(pv, "Released"));
      reclaim(released);
    }
  }

  /** {@code reclaimVolume}: Retain keeps the volume Released; Delete is the provisioner's work for a provisioned volume. */
  private void reclaim(GenericObject pv) {
    String policy = StorageObjects.reclaimPolicy(pv);
    if (!policy.equals("Delete")) {
      return;
    }
    if (!pv.metadata().annotations().containsKey(PROVISIONED_BY)) {
      api.write(withPhase(pv, "Failed"));
      events.warning(pv, "VolumeFailedDelete", "error getting deleter volume plugin for volume \"" + pv.metadata().nameOrEmpty()
          + "\": no deletable volume plugin matched");
    }
  }

  /** The object with {@code status.phase} set, and {@code lastPhaseTransitionTime} when it changes. */
  private GenericObject withPhase(GenericObject o, String phase) {
    if (StorageObjects.phase(o).equals(phase)) {
      return o;
    }
    GenericObject out = StorageObjects.withField(o, "status", "phase", phase);
    if (o.kind().equals(StorageObjects.PV)) {
      out = StorageObjects.withField(out, "status", "lastPhaseTransitionTime", api.loop().clock().timestamp());
    }
    return out;
  }
}
