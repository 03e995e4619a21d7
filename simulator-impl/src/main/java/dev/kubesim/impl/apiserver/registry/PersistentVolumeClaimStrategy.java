package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PersistentVolumeClaims ({@code pkg/registry/core/persistentvolumeclaim}): {@code volumeMode:
 * Filesystem} and the {@code Pending} phase by default; on create the {@code DefaultStorageClass}
 * admission plugin ({@code plugin/pkg/admission/storage/storageclass/setdefault}) names the default
 * class in a claim that names none, and {@code StorageObjectInUseProtection} adds the {@code
 * kubernetes.io/pvc-protection} finalizer; {@code ValidatePersistentVolumeClaimSpec} requires an
 * access mode and a storage request. The status is the controllers' and survives updates.
 */
public final class PersistentVolumeClaimStrategy extends Strategy<GenericObject> {
  /** The finalizer that keeps a claim a pod uses. */
  public static final String PVC_PROTECTION = "kubernetes.io/pvc-protection";
  /** {@code supportedAccessModes}, sorted as {@code sets.List} returns them. */
  static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod");

  /** The PersistentVolumeClaim rules. */
  public PersistentVolumeClaimStrategy() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject defaults(GenericObject pvc) {
    GenericObject out = pvc;
    if (StorageObjects.str(StorageObjects.section(pvc, "spec"), "volumeMode").isEmpty()) {
      out = StorageObjects.withField(out, "spec", "volumeMode", "Filesystem");
    }
    if (StorageObjects.phase(out).isEmpty()) {
      out = StorageObjects.withField(out, "status", "phase", "Pending");
    }
    return out;
  }

  @Override
  public GenericObject admit(GenericObject pvc, ApiServer api) {
    // PrepareForCreate: the status is the controller's, whatever the request says.
    GenericObject out = StorageObjects.with(pvc, "status", Map.of("phase", "Pending"));
    if (!StorageObjects.claimHasClass(out)) {
      Optional<GenericObject> def = defaultClass(api);
      if (def.isPresent()) {
        out = StorageObjects.withField(out, "spec", "storageClassName", def.get().metadata().nameOrEmpty());
      }
    }
    return StorageObjects.withFinalizer(out, PVC_PROTECTION);
  }

  /**
   * {@code GetDefaultClass}: of the classes marked default, the newest, and of those created at the
   * same instant the first by name.
   */
  static Optional<GenericObject> defaultClass(ApiServer api) {
    return api.list(StorageObjects.STORAGE_CLASS, Optional.empty()).stream()
        .map(KubeObject.class::cast)
        .flatMap(o -> StorageObjects.of(o, StorageObjects.STORAGE_CLASS).stream())
        .filter(StorageObjects::isDefaultClass)
        .min(Comparator.comparing((GenericObject sc) -> sc.metadata().creationTimestamp().orElse(""), Comparator.reverseOrder())
            .thenComparing(sc -> sc.metadata().nameOrEmpty()));
  }

  @Override
  public List<FieldError> validate(GenericObject pvc) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath spec = FieldPath.root("spec");
    List<String> modes = StorageObjects.accessModes(pvc);
    if (modes.isEmpty()) {
      errs.add(FieldError.required(spec.child("accessModes"), "at least 1 access mode is required"));
    }
    for (String mode : modes) {
      if (!ACCESS_MODES.contains(mode)) {
        errs.add(FieldError.notSupported(spec.child("accessModes"), mode, ACCESS_MODES));
      }
    }
    if (StorageObjects.requestedStorage(pvc).isEmpty()) {
      errs.add(FieldError.required(spec.child("resources").key("storage"), ""));
    }
    return errs;
  }

  /** Updates through the main resource keep the status (and the bind the controller made). */
  @Override
  public GenericObject prepareForUpdate(GenericObject pvc, GenericObject old) {
    GenericObject out = StorageObjects.with(pvc, "status", StorageObjects.section(old, "status"));
    String volume = StorageObjects.volumeName(old);
    if (!volume.isEmpty() && StorageObjects.volumeName(out).isEmpty()) {
      out = StorageObjects.withField(out, "spec", "volumeName", volume);
    }
    String oldClass = StorageObjects.str(StorageObjects.section(old, "spec"), "storageClassName");
    if (!oldClass.isEmpty() && !StorageObjects.claimHasClass(out)) {
      out = StorageObjects.withField(out, "spec", "storageClassName", oldClass);
    }
    return out;
  }

  @Override
  public boolean hasGeneration() {
    return false;
  }
}
