package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.KubeObject;
import java.util.Optional;

/**
 * A change to one object, as a watch delivers it: {@code ADDED}, {@code MODIFIED} or {@code
 * DELETED}, with the object after the change (for DELETED, its last state) and before it.
 */
public record WatchEvent(Type type, KubeObject object, Optional<KubeObject> previous) {
  /** The watch event types of the Kubernetes API. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }
}
