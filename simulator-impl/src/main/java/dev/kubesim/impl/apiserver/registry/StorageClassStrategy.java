package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * StorageClasses ({@code pkg/registry/storage/storageclass}, {@code storage.k8s.io/v1}): {@code
 * SetDefaults_StorageClass} fills in {@code reclaimPolicy: Delete} and {@code volumeBindingMode:
 * Immediate}; {@code ValidateStorageClass} requires a provisioner and allows only the known
 * policies and modes.
 */
public final class StorageClassStrategy extends Strategy<GenericObject> {
  static final List<String> RECLAIM_POLICIES = List.of("Delete", "Retain");
  private static final List<String> BINDING_MODES = List.of("Immediate", "WaitForFirstConsumer");

  /** The StorageClass rules. */
  public StorageClassStrategy() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject defaults(GenericObject sc) {
    Map<String, Object> content = new LinkedHashMap<>(sc.content());
    content.putIfAbsent("reclaimPolicy", "Delete");
    content.putIfAbsent("volumeBindingMode", "Immediate");
    return new GenericObject(sc.apiVersion(), sc.kind(), sc.metadata(), content);
  }

  @Override
  public List<FieldError> validate(GenericObject sc) {
    List<FieldError> errs = new ArrayList<>();
    if (Generic.str(sc.content(), "provisioner").isEmpty()) {
      errs.add(FieldError.required(FieldPath.root("provisioner"), ""));
    }
    String policy = Generic.str(sc.content(), "reclaimPolicy");
    if (!RECLAIM_POLICIES.contains(policy)) {
      errs.add(FieldError.notSupported(FieldPath.root("reclaimPolicy"), policy, RECLAIM_POLICIES));
    }
    String mode = Generic.str(sc.content(), "volumeBindingMode");
    if (!BINDING_MODES.contains(mode)) {
      errs.add(FieldError.notSupported(FieldPath.root("volumeBindingMode"), mode, BINDING_MODES));
    }
    return errs;
  }

  /** {@code ValidateStorageClassUpdate}: parameters, provisioner, reclaim policy and binding mode are fixed. */
  @Override
  protected List<FieldError> validateImmutable(GenericObject sc, GenericObject old) {
    List<FieldError> errs = new ArrayList<>();
    if (!String.valueOf(sc.content().get("parameters")).equals(String.valueOf(old.content().get("parameters")))) {
      errs.add(FieldError.forbidden(FieldPath.root("parameters"), "updates to parameters are forbidden."));
    }
    if (!Generic.str(sc.content(), "provisioner").equals(Generic.str(old.content(), "provisioner"))) {
      errs.add(FieldError.forbidden(FieldPath.root("provisioner"), "updates to provisioner are forbidden."));
    }
    if (!Generic.str(sc.content(), "reclaimPolicy").equals(Generic.str(old.content(), "reclaimPolicy"))) {
      errs.add(FieldError.forbidden(FieldPath.root("reclaimPolicy"), "updates to reclaimPolicy are forbidden."));
    }
    if (!Generic.str(sc.content(), "volumeBindingMode").equals(Generic.str(old.content(), "volumeBindingMode"))) {
      errs.add(FieldError.invalid(FieldPath.root("volumeBindingMode"), Generic.str(sc.content(), "volumeBindingMode"),
          "field is immutable"));
    }
    return errs;
  }

  @Override
  public boolean hasGeneration() {
    return false;
  }
}
