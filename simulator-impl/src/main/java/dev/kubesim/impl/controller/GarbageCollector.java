package dev.kubesim.impl.controller;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.DeleteOptions;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The garbage collector of kube-controller-manager: follows ownerReferences. When an owner is
 * gone, its dependents are deleted (background propagation); an owner marked with the {@code
 * orphan} finalizer has its dependents' references removed first; an owner marked with {@code
 * foregroundDeletion} stays until its dependents are gone.
 */
public final class GarbageCollector {
  private final ApiServer api;
  /** Owner uid → its dependents, as (kind, namespace, name). */
  private final Map<String, TreeSet<Ref>> dependents = new HashMap<>();
  /**
   * Uids of objects that exist, so that a dependent of a vanished owner is noticed. Events are left
   * out, as kube-controller-manager's collector ignores them ({@code DefaultIgnoredResources}): they
   * are most of a busy cluster's objects and rarely anyone's owner; an Event named as an owner is
   * looked up instead, as the real collector verifies an owner it does not know.
   */
  private final Map<String, Ref> live = new HashMap<>();

  private static final String EVENT = "Event";

  /** An object's identity in the index; ordered so that work on dependents is deterministic. */
  record Ref(String kind, String namespace, String name) implements Comparable<Ref> {
    @Override
    public int compareTo(Ref o) {
      int c = kind.compareTo(o.kind);
      if (c == 0) {
        c = namespace.compareTo(o.namespace);
      }
      return c != 0 ? c : name.compareTo(o.name);
    }
  }

  private GarbageCollector(ApiServer api) {
    this.api = api;
  }

  public static GarbageCollector start(ApiServer api) {
    GarbageCollector gc = new GarbageCollector(api);
    api.store().watchAll(gc::onEvent);
    return gc;
  }

  private static Ref refOf(KubeObject o) {
    var key = ObjectStore.keyOf(o);
    return new Ref(o.kind(), key.namespace(), key.name());
  }

  private void onEvent(WatchEvent e) {
    KubeObject o = e.object();
    if (o.kind().equals(EVENT) && e.type() != WatchEvent.Type.DELETED && o.metadata().deletionTimestamp().isEmpty()
        && o.metadata().ownerReferences().isEmpty()
        && e.previous().map(p -> p.metadata().ownerReferences().isEmpty()).orElse(true)) {
      return; // an Event written or counted up, with no owners before or now: nothing to follow
    }
    Optional<KubeObject> before = e.previous().filter(p -> e.type() != WatchEvent.Type.ADDED);
    boolean sameOwners = e.type() == WatchEvent.Type.MODIFIED
        && before.map(b -> b.metadata().ownerReferences().equals(o.metadata().ownerReferences())).orElse(false);
    if (sameOwners && o.metadata().deletionTimestamp().isEmpty()) {
      return; // a status or spec change: nothing the collector follows has changed
    }
    Ref ref = refOf(o);
    String uid = o.metadata().uid().orElse("");
    before.ifPresent(old -> unindex(old, ref));
    if (e.type() == WatchEvent.Type.DELETED) {
      live.remove(uid);
      TreeSet<Ref> deps = dependents.get(uid);
      if (deps != null && !deps.isEmpty()) {
        api.loop().schedule("garbagecollector delete dependents of " + ref.kind() + " " + ref, () -> deleteDependents(uid));
      }
      return;
    }
    if (!ref.kind().equals(EVENT)) {
      live.put(uid, ref);
    }
    for (OwnerReference owner : o.metadata().ownerReferences()) {
      dependents.computeIfAbsent(owner.uid(), u -> new TreeSet<>()).add(ref);
      if (e.type() == WatchEvent.Type.ADDED && liveOwner(owner, ref.namespace()) == null) {
        // Owned by something that does not exist: collect it, as the real collector does.
        api.loop().schedule("garbagecollector check owner of " + ref, () -> collectIfOwnersGone(ref));
      }
    }
    if (o.metadata().deletionTimestamp().isPresent()) {
      if (o.metadata().finalizers().contains(ApiServer.ORPHAN_FINALIZER)) {
        api.loop().schedule("garbagecollector orphan dependents of " + ref, () -> orphan(o));
      } else if (o.metadata().finalizers().contains(ApiServer.FOREGROUND_FINALIZER)) {
        api.loop().schedule("garbagecollector foreground " + ref, () -> foreground(o));
      }
    }
  }

  private void unindex(KubeObject old, Ref ref) {
    for (OwnerReference owner : old.metadata().ownerReferences()) {
      TreeSet<Ref> deps = dependents.get(owner.uid());
      if (deps != null) {
        deps.remove(ref);
        if (deps.isEmpty()) {
          dependents.remove(owner.uid());
          wakeForegroundOwner(owner, ref.namespace());
        }
      }
    }
  }

  /** The owner a reference names if it exists (same uid), else {@code null}. */
  private Ref liveOwner(OwnerReference owner, String namespace) {
    Ref known = live.get(owner.uid());
    if (known != null || !owner.kind().equals(EVENT)) {
      return known;
    }
    return api.get(EVENT, namespace, owner.name())
        .filter(ev -> ev.metadata().uid().orElse("").equals(owner.uid()))
        .map(GarbageCollector::refOf)
        .orElse(null);
  }

  private void wakeForegroundOwner(OwnerReference owner, String namespace) {
    Ref ownerRef = liveOwner(owner, namespace);
    if (ownerRef != null) {
      api.get(ownerRef.kind(), ownerRef.namespace(), ownerRef.name())
          .filter(o -> o.metadata().finalizers().contains(ApiServer.FOREGROUND_FINALIZER))
          .ifPresent(o -> api.loop().schedule("garbagecollector foreground " + ownerRef, () -> foreground(o)));
    }
  }

  private List<Ref> dependentsOf(String uid) {
    return new ArrayList<>(dependents.getOrDefault(uid, new TreeSet<>()));
  }

  private void deleteDependents(String uid) {
    for (Ref dep : dependentsOf(uid)) {
      collectIfOwnersGone(dep);
    }
  }

  /** Deletes a dependent whose owners are all gone (a dependent with a live owner stays). */
  private void collectIfOwnersGone(Ref dep) {
    Optional<KubeObject> current = api.get(dep.kind(), dep.namespace(), dep.name());
    if (current.isEmpty()) {
      return;
    }
    List<OwnerReference> owners = current.get().metadata().ownerReferences();
    boolean anyLive = owners.stream().anyMatch(r -> liveOwner(r, dep.namespace()) != null);
    if (!owners.isEmpty() && !anyLive && current.get().metadata().deletionTimestamp().isEmpty()) {
      delete(dep, DeleteOptions.defaults());
    }
  }

  private void delete(Ref dep, DeleteOptions options) {
    try {
      api.delete(dep.kind(), dep.namespace(), dep.name(), options);
    } catch (KubeSimException e) {
      // Gone meanwhile: nothing left to collect.
    }
  }

  private void orphan(KubeObject owner) {
    String uid = owner.metadata().uid().orElse("");
    for (Ref dep : dependentsOf(uid)) {
      api.get(dep.kind(), dep.namespace(), dep.name()).ifPresent(d -> {
        List<OwnerReference> refs = new ArrayList<>(d.metadata().ownerReferences());
        refs.removeIf(r -> r.uid().equals(uid));
        api.write(d.withMetadata(d.metadata().toBuilder().ownerReferences(refs).build()));
      });
    }
    api.removeFinalizer(owner, ApiServer.ORPHAN_FINALIZER);
  }

  private void foreground(KubeObject owner) {
    String uid = owner.metadata().uid().orElse("");
    List<Ref> deps = dependentsOf(uid);
    if (deps.isEmpty()) {
      api.removeFinalizer(owner, ApiServer.FOREGROUND_FINALIZER);
      return;
    }
    for (Ref dep : deps) {
      api.get(dep.kind(), dep.namespace(), dep.name())
          .filter(d -> d.metadata().deletionTimestamp().isEmpty())
          .ifPresent(d -> delete(dep, DeleteOptions.defaults().withPropagation("Foreground")));
    }
  }
}
