package dev.kubesim.api.model;

import java.util.Optional;

/** {@code metadata.ownerReferences[i]}: the object that owns this one (garbage collection, adoption). */
public record OwnerReference(
    String apiVersion,
    String kind,
    String name,
    String uid,
    Optional<Boolean> controller,
    Optional<Boolean> blockOwnerDeletion) {
  public OwnerReference {
    controller = Values.opt(controller);
    blockOwnerDeletion = Values.opt(blockOwnerDeletion);
  }

  /** Whether this reference is the managing controller's. */
  public boolean isController() {
    return controller.orElse(false);
  }
}
