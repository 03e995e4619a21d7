package dev.kubesim.api;

import dev.kubesim.api.model.KubeObject;
import java.util.Optional;

/**
 * A change seen by {@link Cluster#watch}: {@code ADDED}, {@code MODIFIED} or {@code DELETED}, the
 * object after it (for deletions, its last state) and before it.
 */
public record ObjectChange(String type, KubeObject object, Optional<KubeObject> previous) {}
