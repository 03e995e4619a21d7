package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PersistentVolumes ({@code pkg/registry/core/persistentvolume}): {@code
 * persistentVolumeReclaimPolicy: Retain}, {@code volumeMode: Filesystem} and the {@code Pending}
 * phase by default; {@code StorageObjectInUseProtection} adds {@code kubernetes.io/pv-protection};
 * {@code ValidatePersistentVolumeSpec} requires access modes, a capacity and a volume source. The
 * status is the controller's and survives updates.
 */
public final class PersistentVolumeStrategy extends Strategy<GenericObject> {
  /** The finalizer that keeps a bound volume. */
  public static final String PV_PROTECTION = "kubernetes.io/pv-protection";
  /** The volume sources kubesim knows a PersistentVolume may name. */
  private static final List<String> SOURCES = List.of("hostPath", "local", "nfs", "csi", "iscsi", "fc", "cephfs", "rbd",
      "glusterfs", "azureDisk", "azureFile", "awsElasticBlockStore", "gcePersistentDisk", "vsphereVolume", "cinder",
      "flexVolume", "flocker", "quobyte", "portworxVolume", "scaleIO", "storageos", "photonPersistentDisk");

  /** The PersistentVolume rules. */
  public PersistentVolumeStrategy() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject defaults(GenericObject pv) {
    GenericObject out = pv;
    Map<String, Object> spec = StorageObjects.section(pv, "spec");
    if (StorageObjects.str(spec, "persistentVolumeReclaimPolicy").isEmpty()) {
      out = StorageObjects.withField(out, "spec", "persistentVolumeReclaimPolicy", "Retain");
    }
    if (StorageObjects.str(spec, "volumeMode").isEmpty()) {
      out = StorageObjects.withField(out, "spec", "volumeMode", "Filesystem");
    }
    if (StorageObjects.phase(out).isEmpty()) {
      out = StorageObjects.withField(out, "status", "phase", "Pending");
    }
    return out;
  }

  @Override
  public GenericObject admit(GenericObject pv, ApiServer api) {
    GenericObject out = StorageObjects.with(pv, "status", Map.of("phase", "Pending"));
    return StorageObjects.withFinalizer(out, PV_PROTECTION);
  }

  @Override
  public List<FieldError> validate(GenericObject pv) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.root("spec");
    List<String> modes = StorageObjects.accessModes(pv);
    if (modes.isEmpty()) {
      errs.add(FieldError.required(spec.child("accessModes"), ""));
    }
    for (String mode : modes) {
      if (!PersistentVolumeClaimStrategy.ACCESS_MODES.contains(mode)) {
        errs.add(FieldError.notSupported(spec.child("accessModes"), mode, PersistentVolumeClaimStrategy.ACCESS_MODES));
      }
    }
    if (StorageObjects.capacity(pv).isEmpty()) {
      errs.add(FieldError.required(spec.child("capacity"), ""));
    }
    Map<String, Object> s = StorageObjects.section(pv, "spec");
    if (SOURCES.stream().noneMatch(s::containsKey)) {
      errs.add(FieldError.required(spec, "must specify a volume type"));
    }
    String policy = StorageObjects.reclaimPolicy(pv);
    List<String> policies = List.of("Delete", "Recycle", "Retain");
    if (!policies.contains(policy)) {
      errs.add(FieldError.notSupported(spec.child("persistentVolumeReclaimPolicy"), policy, policies));
    }
    return errs;
  }

  /** Updates through the main resource keep the status. */
  @Override
  public GenericObject prepareForUpdate(GenericObject pv, GenericObject old) {
    return StorageObjects.with(pv, "status", StorageObjects.section(old, "status"));
  }

  @Override
  public boolean hasGeneration() {
    return false;
  }
}
