package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code metadata.ownerReferences[i]}: the object that owns this one (garbage collection,
 * adoption).
 *
 * @param apiVersion the owner's {@code apiVersion}
 * @param kind the owner's kind
 * @param name the owner's name
 * @param uid the owner's uid
 * @param controller whether the owner is the managing controller
 * @param blockOwnerDeletion whether a foreground deletion of the owner waits for this object
 */
public record OwnerReference(
    String apiVersion,
    String kind,
    String name,
    String uid,
    Optional<Boolean> controller,
    Optional<Boolean> blockOwnerDeletion) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param apiVersion the owner's {@code apiVersion}
   * @param kind the owner's kind
   * @param name the owner's name
   * @param uid the owner's uid
   * @param controller whether the owner is the managing controller
   * @param blockOwnerDeletion whether a foreground deletion of the owner waits for this object
   */
  public OwnerReference {
    controller = Values.opt(controller);
    blockOwnerDeletion = Values.opt(blockOwnerDeletion);
  }

  /**
   * Whether this reference is the managing controller's.
   *
   * @return whether this reference is the managing controller's
   */
  public boolean isController() {
    return controller.orElse(false);
  }
}
