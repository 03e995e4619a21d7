package dev.kubesim.impl.controller;

import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ObjectKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A workload controller's index of pods, kept from pod events: the pods each of its objects
 * controls (by the owner's uid), and each namespace's pods that no one controls, which its objects
 * may adopt. A sync then reads its own pods without listing the namespace.
 */
final class OwnedPods {
  private final String ownerKind;
  private final Map<String, TreeSet<ObjectKey>> byOwnerUid = new HashMap<>();
  private final Map<String, TreeSet<ObjectKey>> orphansByNamespace = new HashMap<>();

  /** The index of pods controlled by objects of {@code ownerKind} ({@code ReplicaSet}, {@code DaemonSet}, ...). */
  OwnedPods(String ownerKind) {
    this.ownerKind = ownerKind;
  }

  /** The pod's controller reference when an object of this kind controls it. */
  Optional<OwnerReference> ourRef(Pod pod) {
    return pod.metadata().controllerRef().filter(r -> r.kind().equals(ownerKind));
  }

  /** Adds a pod as it is now (call {@link #remove} with its previous version first). */
  void add(Pod pod, ObjectKey key) {
    Optional<OwnerReference> ref = ourRef(pod);
    if (ref.isPresent()) {
      byOwnerUid.computeIfAbsent(ref.get().uid(), u -> new TreeSet<>()).add(key);
    } else if (pod.metadata().controllerRef().isEmpty()) {
      orphansByNamespace.computeIfAbsent(key.namespace(), n -> new TreeSet<>()).add(key);
    }
  }

  /** Removes a pod as it was. */
  void remove(Pod pod, ObjectKey key) {
    ourRef(pod).ifPresent(ref -> removeFrom(byOwnerUid, ref.uid(), key));
    removeFrom(orphansByNamespace, key.namespace(), key);
  }

  /** The pods the object with this uid controls, in key order (a copy: a sync may change them). */
  List<ObjectKey> ownedBy(String uid) {
    return List.copyOf(byOwnerUid.getOrDefault(uid, new TreeSet<>()));
  }

  /** The namespace's pods that no controller owns, in key order (a copy). */
  List<ObjectKey> orphans(String namespace) {
    return List.copyOf(orphansByNamespace.getOrDefault(namespace, new TreeSet<>()));
  }

  private static void removeFrom(Map<String, TreeSet<ObjectKey>> index, String at, ObjectKey key) {
    TreeSet<ObjectKey> set = index.get(at);
    if (set != null) {
      set.remove(key);
      if (set.isEmpty()) {
        index.remove(at);
      }
    }
  }
}
