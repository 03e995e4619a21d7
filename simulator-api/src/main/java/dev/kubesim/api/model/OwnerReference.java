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
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param apiVersion the object's {@code apiVersion}
   * @param kind the object's {@code kind}
   * @param name the object's name
   * @param uid the {@code uid} field
   * @param controller the {@code controller} field; {@code null} for absent
   * @param blockOwnerDeletion the {@code blockOwnerDeletion} field; {@code null} for absent
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
