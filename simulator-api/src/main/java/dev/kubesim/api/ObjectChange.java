package dev.kubesim.api;

import dev.kubesim.api.model.KubeObject;
import java.util.Optional;

/**
 * A change seen by {@link Cluster#watch}: {@code ADDED}, {@code MODIFIED} or {@code DELETED}, the
 * object after it (for deletions, its last state) and before it.
 *
 * @param type {@code ADDED}, {@code MODIFIED} or {@code DELETED}, as a watch event's {@code type}
 * @param object the object after the change; for a deletion, its last state
 * @param previous the object before the change, where the store had one
 */
public record ObjectChange(String type, KubeObject object, Optional<KubeObject> previous) {}
