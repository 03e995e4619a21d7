package dev.kubesim.impl.apiserver;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.AlreadyExistsException;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.StatusCause;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.Strategy.Allocation;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.codec.KindCatalog;
import dev.kubesim.impl.codec.KindRegistry;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.sim.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated kube-apiserver: create, update, apply, delete, get and list with the real order of
 * work — defaulting, name generation, admission, allocation, validation, storage — and the real
 * answers: {@code Invalid} with field causes, {@code AlreadyExists}, {@code NotFound}. A rejected
 * request changes nothing.
 */
public final class ApiServer {
  /** The alphabet of generated name suffixes (apiserver/pkg/storage/names). */
  public static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int GENERATED_SUFFIX_LENGTH = 5;
  private static final int MAX_GENERATE_NAME_LENGTH = 63 - GENERATED_SUFFIX_LENGTH;

  private final ObjectStore store;
  private final EventLoop loop;
  /** The kinds this API server serves: the built-in ones and the established custom ones. */
  private final KindCatalog kinds;
  private final Map<Class<?>, Strategy<?>> strategies = new HashMap<>();
  /** Rules for kinds stored as generic objects (PersistentVolumeClaim, StorageClass, ...), by kind. */
  private final Map<String, Strategy<GenericObject>> genericKinds = new HashMap<>();
  private final Strategy<KubeObject> generic = new GenericStrategy();
  private final SplittableRandom names;
  private final SplittableRandom uids;
  /**
   * The stored objects' {@code metadata.managedFields}, by kind and key (looked up, never iterated):
   * kept beside the objects, as the public model has no place for them, and dropped with them.
   */
  private final Map<String, Map<ObjectKey, ManagedFields>> managedFields = new HashMap<>();

  /**
   * To whom a write through the served API is attributed in {@code metadata.managedFields}: an
   * update by a field manager (through the main resource, {@code status} or {@code scale}), or the
   * fields a server-side apply computed.
   *
   * @param manager the field manager, for an update
   * @param subresource {@code ""}, {@code status} or {@code scale}, for an update
   * @param applied the managers' fields after a server-side apply, or null for an update
   * @param given the managed fields the update's body carried, which replace the stored ones
   *     before the update's own changes are counted (as kubectl's move from client-side to
   *     server-side apply writes them), or null to keep the stored ones
   */
  public record FieldOwner(String manager, String subresource, ManagedFields applied, ManagedFields given) {
    /** An update ({@code operation: Update}) by the manager through the subresource ({@code ""} for the main resource). */
    public static FieldOwner updater(String manager, String subresource) {
      return new FieldOwner(manager, subresource, null, null);
    }

    /** An update by the manager through the main resource whose body carried these managed fields (null: none). */
    public static FieldOwner updater(String manager, ManagedFields given) {
      return new FieldOwner(manager, "", null, given);
    }
  }

  public ApiServer(ObjectStore store, EventLoop loop) {
    this(store, loop, new KindCatalog());
  }

  /**
   * An API server over the store that serves the kinds of this catalogue (the cluster's own: its
   * custom kinds are added as their definitions are established).
   */
  public ApiServer(ObjectStore store, EventLoop loop, KindCatalog kinds) {
    this.store = store;
    this.loop = loop;
    this.kinds = kinds;
    this.names = loop.random().stream("apiserver/generate-name");
    this.uids = loop.random().stream("apiserver/uid");
    loop.resourceVersions(store);
    EventTtl.start(this);
  }

  public ObjectStore store() {
    return store;
  }

  public EventLoop loop() {
    return loop;
  }

  /** Registers the rules of one kind. */
  public void register(Strategy<?> strategy) {
    strategies.put(strategy.type(), strategy);
  }

  /** Registers the rules of one kind that is stored as a generic object. */
  public void registerGeneric(String kind, Strategy<GenericObject> strategy) {
    genericKinds.put(kind, strategy);
  }

  /** Forgets the rules of a kind stored as a generic object (a custom kind whose definition went). */
  public void unregisterGeneric(String kind) {
    genericKinds.remove(kind);
  }

  /** The kinds this API server serves: the built-in ones and the established custom ones. */
  public KindCatalog kinds() {
    return kinds;
  }

  /** The served kind of an object (custom kinds included), or BadRequest when this API server does not serve it. */
  public KindInfo servedKindOf(KubeObject object) {
    return kinds.lookup(object.apiVersion(), object.kind())
        .orElseThrow(
            () ->
                new BadRequestException(
                    "no matches for kind \"" + object.kind() + "\" in version \"" + object.apiVersion() + "\""));
  }

  @SuppressWarnings("unchecked")
  private <T extends KubeObject> Strategy<T> strategyFor(KubeObject object) {
    Strategy<?> s = object instanceof GenericObject g ? genericKinds.get(g.kind()) : strategies.get(object.getClass());
    return (Strategy<T>) (s != null ? s : generic);
  }

  /** The served kind of an object, or BadRequest when the API server does not serve it. */
  public static KindInfo kindOf(KubeObject object) {
    return KindRegistry.lookup(object.apiVersion(), object.kind())
        .orElseThrow(
            () ->
                new BadRequestException(
                    "no matches for kind \"" + object.kind() + "\" in version \"" + object.apiVersion() + "\""));
  }

  /** Applies the kind's defaults, as decoding does. */
  public <T extends KubeObject> T defaults(T object) {
    Strategy<T> s = strategyFor(object);
    return s.defaults(object);
  }

  public Optional<KubeObject> get(String kind, String namespace, String name) {
    KindInfo info = kinds.byKind(kind).orElse(null);
    String ns = info != null && !info.namespaced() ? "" : namespace;
    return store.get(kind, new ObjectKey(ns, name)).map(this::fromStorage);
  }

  /** The object, or NotFound with the API server's message ({@code services "nope" not found}). */
  public KubeObject getOrThrow(String kind, String namespace, String name) {
    return get(kind, namespace, name).orElseThrow(() -> notFound(kinds.byKind(kind), kind, name));
  }

  public ImmutableList<KubeObject> list(String kind, Optional<String> namespace) {
    ImmutableList<KubeObject> stored = store.list(kind, namespace);
    if (!genericKinds.containsKey(kind)) {
      return stored;
    }
    ImmutableList.Builder<KubeObject> out = ImmutableList.builderWithExpectedSize(stored.size());
    stored.forEach(o -> out.add(fromStorage(o)));
    return out.build();
  }

  /** An object as read from storage: the kind's {@link Strategy#fromStorage} decoding steps. */
  private KubeObject fromStorage(KubeObject object) {
    Strategy<KubeObject> s = strategyFor(object);
    return s.fromStorage(object);
  }

  public static NotFoundException notFound(String kind, String name) {
    return notFound(KindRegistry.byKind(kind), kind, name);
  }

  /** NotFound for an object of a served kind, custom kinds included ({@code crontabs.stable.example.com "x" not found}). */
  public static NotFoundException notFound(KindInfo info, String name) {
    return notFound(Optional.of(info), info.kind(), name);
  }

  private static NotFoundException notFound(Optional<KindInfo> info, String kind, String name) {
    String resource = info.map(KindInfo::qualifiedResource).orElse(kind.toLowerCase() + "s");
    return new NotFoundException(resource + " \"" + name + "\" not found");
  }

  /** Creates the object, or fails with AlreadyExists, Invalid, NotFound (namespace) or BadRequest. */
  public <T extends KubeObject> T create(T object) {
    return create(object, false);
  }

  /**
   * Creates the object, or with {@code dryRun} only checks that it would be created ({@code
   * dryRun=All}): everything up to storage runs, allocations are given back, nothing is stored, and
   * the object is returned as it would be stored, without uid or resourceVersion.
   */
  public <T extends KubeObject> T create(T object, boolean dryRun) {
    return createWarned(object, dryRun).object();
  }

  /** {@link #create(KubeObject, boolean)}, with the kind's warnings for the object. */
  public <T extends KubeObject> Written<T> createWarned(T object, boolean dryRun) {
    return createWarned(object, dryRun, null);
  }

  /**
   * {@link #createWarned(KubeObject, boolean)} through the served API: the new object's fields are
   * the owner's ({@code null}: nobody's, as for kubesim's own writes).
   */
  public <T extends KubeObject> Written<T> createWarned(T object, boolean dryRun, FieldOwner owner) {
    KindInfo info = servedKindOf(object);
    Strategy<T> strategy = strategyFor(object);
    T obj = withNamespace(object, info);
    checkNamespace(info, obj);
    obj = strategy.defaults(obj);
    obj = generateName(obj, info);
    obj = strategy.admit(obj, this);
    Allocation<T> allocation = strategy.allocate(obj, Optional.empty());
    obj = allocation.object();
    try {
      List<FieldError> errors = new ArrayList<>(MetadataRules.validate(obj.metadata(), info, strategy));
      errors.addAll(strategy.validate(obj));
      if (!errors.isEmpty()) {
        throw invalid(info, obj.metadata().nameOrEmpty(), errors);
      }
      ObjectKey key = ObjectStore.keyOf(obj);
      if (store.get(info.kind(), key).isPresent()) {
        throw new AlreadyExistsException(info.qualifiedResource() + " \"" + key.name() + "\" already exists");
      }
    } catch (KubeSimException e) {
      allocation.rollback().run();
      throw e;
    }
    List<String> warnings = strategy.warnings(obj, Optional.empty());
    if (dryRun) {
      allocation.rollback().run();
      @SuppressWarnings("unchecked")
      T wouldBe = (T) obj.withMetadata(obj.metadata().toBuilder().creationTimestamp(loop.clock().timestamp()).build());
      return new Written<>(wouldBe, warnings);
    }
    ObjectMeta.Builder meta =
        obj.metadata().toBuilder()
            .uid(newUid())
            .resourceVersion(store.nextResourceVersion())
            .creationTimestamp(loop.clock().timestamp());
    if (strategy.hasGeneration()) {
      meta.generation(1L);
    }
    @SuppressWarnings("unchecked")
    T stored = strategy.withIdentity((T) obj.withMetadata(meta.build()));
    ManagedFields owned = ManagedFields.NONE;
    if (owner != null) {
      owned = owner.applied() != null ? owner.applied()
          : (owner.given() != null ? owner.given() : ManagedFields.NONE).update(info.kind(), ObjectCodec.mapper().createObjectNode(), ObjectCodec.encode(stored),
              owner.manager(), info.apiVersion(), owner.subresource(), loop.clock().timestamp());
    }
    setManagedFields(info.kind(), ObjectStore.keyOf(stored), owned);
    store.put(stored);
    allocation.commit().run();
    return new Written<>(stored, warnings);
  }

  /** The object's {@code metadata.managedFields} (none for an object only kubesim itself wrote). */
  public ManagedFields managedFields(KubeObject object) {
    Map<ObjectKey, ManagedFields> table = managedFields.get(object.kind());
    ManagedFields m = table == null ? null : table.get(ObjectStore.keyOf(object));
    return m == null ? ManagedFields.NONE : m;
  }

  private void setManagedFields(String kind, ObjectKey key, ManagedFields value) {
    if (value.isEmpty()) {
      Map<ObjectKey, ManagedFields> table = managedFields.get(kind);
      if (table != null) {
        table.remove(key);
      }
    } else {
      managedFields.computeIfAbsent(kind, k -> new HashMap<>()).put(key, value);
    }
  }

  /**
   * Replaces a stored object (an update through the main resource): identity and allocated values
   * are kept, the generation moves on when the spec changed. An update that changes nothing writes
   * nothing (etcd3's {@code GuaranteedUpdate}): the stored object comes back with its
   * resourceVersion, and no watcher hears of it.
   */
  public <T extends KubeObject> T update(T object) {
    return update(object, false);
  }

  /**
   * Replaces a stored object, or with {@code dryRun} only checks that it would be replaced: the
   * object is returned as it would be stored, nothing changes.
   */
  public <T extends KubeObject> T update(T object, boolean dryRun) {
    return updateWarned(object, dryRun).object();
  }

  /** {@link #update(KubeObject, boolean)}, with the kind's warnings for the new object. */
  public <T extends KubeObject> Written<T> updateWarned(T object, boolean dryRun) {
    return updateWarned(object, dryRun, null);
  }

  /**
   * {@link #updateWarned(KubeObject, boolean)} through the served API: the fields the update
   * changes become the owner's ({@code null}: managed fields stay as they are).
   */
  @SuppressWarnings("unchecked")
  public <T extends KubeObject> Written<T> updateWarned(T object, boolean dryRun, FieldOwner owner) {
    KindInfo info = servedKindOf(object);
    Strategy<T> strategy = strategyFor(object);
    T obj = withNamespace(object, info);
    ObjectKey key = ObjectStore.keyOf(obj);
    T old = (T) store.get(info.kind(), key).orElseThrow(() -> notFound(info, key.name()));
    obj = strategy.defaults(obj);
    obj = strategy.prepareForUpdate(obj, old);
    Allocation<T> allocation = strategy.allocate(obj, Optional.of(old));
    obj = allocation.object();
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(obj.metadata(), info, strategy));
    errors.addAll(strategy.validateUpdate(obj, old));
    if (!errors.isEmpty()) {
      allocation.rollback().run();
      throw invalid(info, key.name(), errors);
    }
    List<String> warnings = strategy.warnings(obj, Optional.of(old));
    if (dryRun) {
      allocation.rollback().run();
      ObjectMeta oldMeta = old.metadata();
      return new Written<>((T) obj.withMetadata(obj.metadata().toBuilder().uid(oldMeta.uid().orElse(null))
          .creationTimestamp(oldMeta.creationTimestamp().orElse(null)).generation(oldMeta.generation().orElse(null))
          .resourceVersion(oldMeta.resourceVersion().orElse(null)).build()), warnings);
    }
    T stored = (T) commitUpdate(obj, old, strategy.hasGeneration(), owner);
    allocation.commit().run();
    return new Written<>(stored, warnings);
  }

  /** Creates the object, or updates it when it exists (kubectl apply). */
  public <T extends KubeObject> T apply(T object) {
    KindInfo info = servedKindOf(object);
    T obj = withNamespace(object, info);
    if (obj.metadata().name().isPresent() && store.get(info.kind(), ObjectStore.keyOf(obj)).isPresent()) {
      return update(obj);
    }
    return create(obj);
  }

  /**
   * Writes an object as a controller or the kubelet does (status and controller-owned fields): no
   * validation, the resourceVersion moves on, the generation is kept. A write that changes nothing
   * is no write: the stored object is returned as it is, with no new resourceVersion and no watch
   * event, as for every update.
   */
  public <T extends KubeObject> T write(T object) {
    return write(object, null);
  }

  /**
   * {@link #write(KubeObject)} through the served API (the {@code status} subresource): the fields
   * it changes become the owner's.
   */
  public <T extends KubeObject> T write(T object, FieldOwner owner) {
    KindInfo info = servedKindOf(object);
    T obj = withNamespace(object, info);
    Optional<KubeObject> old = store.get(info.kind(), ObjectStore.keyOf(obj));
    if (old.isEmpty()) {
      return create(obj);
    }
    if (owner != null && owner.subresource().equals("status")) {
      Strategy<T> strategy = strategyFor(obj);
      @SuppressWarnings("unchecked")
      T before = (T) old.get();
      List<FieldError> errors = strategy.validateStatusUpdate(obj, before);
      if (!errors.isEmpty()) {
        throw invalid(info, obj.metadata().nameOrEmpty(), errors);
      }
    }
    @SuppressWarnings("unchecked")
    T updated = (T) commitUpdate(obj, old.get(), false, owner);
    return updated;
  }

  /**
   * A server-side apply of {@code config} (the applied configuration's JSON) by {@code manager}:
   * the configuration is merged into the live object, the fields the manager applied before,
   * owns alone and no longer applies are removed, and the result is created or updated (defaulted,
   * validated) as {@code decode} turns it into an object. The manager then owns exactly the applied
   * fields, shared with the managers that set them to the same values.
   *
   * @param force whether to take fields from other managers rather than fail
   * @throws KubeSimException Conflict when the apply would change fields other managers own and
   *     is not forced
   */
  public <T extends KubeObject> Written<T> serverSideApply(KindInfo info, String namespace, String name,
      com.fasterxml.jackson.databind.JsonNode config, String manager, boolean force, boolean dryRun,
      java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, T> decode) {
    Optional<KubeObject> current = get(info.kind(), namespace, name);
    ManagedFields before = current.map(this::managedFields).orElse(ManagedFields.NONE);
    ManagedFields.Applied applied = before.apply(info.kind(), current.map(ObjectCodec::encode).orElse(null), config,
        manager, info.apiVersion(), "", loop.clock().timestamp(), force);
    com.fasterxml.jackson.databind.node.ObjectNode merged = applied.object();
    if (merged.get("metadata") instanceof com.fasterxml.jackson.databind.node.ObjectNode meta) {
      meta.remove("resourceVersion");
      meta.remove("managedFields");
      if (manager.equals("kubectl") && current.isPresent()
          && current.get().metadata().annotations().containsKey(LAST_APPLIED)) {
        meta.with("annotations").put(LAST_APPLIED, lastApplied(config));
      }
    }
    T obj = decode.apply(merged);
    FieldOwner owner = new FieldOwner(manager, "", applied.managedFields(), null);
    return current.isEmpty() ? createWarned(obj, dryRun, owner) : updateWarned(obj, dryRun, owner);
  }

  /**
   * A server-side apply to the {@code status} subresource of a stored object (as operators built on
   * Java Operator SDK patch their status): only the configuration's status is applied and owned
   * ({@code subresource: status}); the rest of the object stays as stored, and the status is
   * written as a status update writes it.
   *
   * @return the object as stored (or as it would be, on a dry run)
   * @throws NotFoundException when the object does not exist
   * @throws KubeSimException Conflict as for {@link #serverSideApply}
   */
  public <T extends KubeObject> T serverSideApplyStatus(KindInfo info, String namespace, String name,
      com.fasterxml.jackson.databind.JsonNode config, String manager, boolean force, boolean dryRun,
      java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, T> decode) {
    KubeObject current = getOrThrow(info.kind(), namespace, name);
    com.fasterxml.jackson.databind.node.ObjectNode live = ObjectCodec.encode(current);
    ManagedFields.Applied applied = managedFields(current).apply(info.kind(), live, config, manager, info.apiVersion(),
        "status", loop.clock().timestamp(), force);
    com.fasterxml.jackson.databind.JsonNode status = applied.object().get("status");
    if (status == null) {
      live.remove("status");
    } else {
      live.set("status", status);
    }
    live.with("metadata").remove("resourceVersion");
    T obj = decode.apply(live);
    if (dryRun) {
      return obj;
    }
    return write(obj, new FieldOwner(manager, "status", applied.managedFields(), null));
  }

  /** kubectl's client-side apply annotation. */
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  /**
   * The client-side apply annotation that kube-apiserver keeps up to date for {@code kubectl}'s
   * server-side applies to an object that has one ({@code lastAppliedUpdater}): the applied
   * configuration without that annotation, as Go encodes it (keys sorted, a newline at the end).
   */
  private static String lastApplied(com.fasterxml.jackson.databind.JsonNode config) {
    com.fasterxml.jackson.databind.JsonNode copy = config.deepCopy();
    if (copy.path("metadata").get("annotations") instanceof com.fasterxml.jackson.databind.node.ObjectNode annotations) {
      annotations.remove(LAST_APPLIED);
    }
    return sortedKeys(copy).toString() + "\n";
  }

  private static com.fasterxml.jackson.databind.JsonNode sortedKeys(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isObject()) {
      java.util.TreeMap<String, com.fasterxml.jackson.databind.JsonNode> fields = new java.util.TreeMap<>();
      node.fields().forEachRemaining(e -> fields.put(e.getKey(), sortedKeys(e.getValue())));
      com.fasterxml.jackson.databind.node.ObjectNode out = ObjectCodec.mapper().createObjectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = ObjectCodec.mapper().createArrayNode();
      node.forEach(item -> out.add(sortedKeys(item)));
      return out;
    }
    return node;
  }

  private KubeObject commitUpdate(KubeObject obj, KubeObject old, boolean bumpGeneration) {
    return commitUpdate(obj, old, bumpGeneration, null);
  }

  private KubeObject commitUpdate(KubeObject obj, KubeObject old, boolean bumpGeneration, FieldOwner owner) {
    ObjectMeta oldMeta = old.metadata();
    ObjectMeta.Builder meta =
        obj.metadata().toBuilder()
            .uid(oldMeta.uid().orElse(null))
            .creationTimestamp(oldMeta.creationTimestamp().orElse(null))
            .generation(oldMeta.generation().orElse(null))
            .deletionTimestamp(obj.metadata().deletionTimestamp().or(oldMeta::deletionTimestamp).orElse(null))
            .resourceVersion(oldMeta.resourceVersion().orElse(null));
    if (bumpGeneration && oldMeta.generation().isPresent() && specChanged(obj, old)) {
      meta.generation(oldMeta.generation().get() + 1);
    }
    KubeObject unchanged = obj.withMetadata(meta.build());
    ManagedFields before = managedFields(old);
    ManagedFields after = before;
    if (owner != null) {
      ManagedFields base = owner.given() != null ? owner.given() : before;
      after = owner.applied() != null ? owner.applied()
          : base.update(old.kind(), ObjectCodec.encode(old), ObjectCodec.encode(unchanged), owner.manager(),
              servedKindOf(old).apiVersion(), owner.subresource(), loop.clock().timestamp());
    }
    if (unchanged.equals(old) && after.sameIgnoringTime(before)) {
      // etcd3's GuaranteedUpdate: a new encoding equal to the stored one is not written (and the
      // field manager does not count a manager's new time alone as a change).
      return old;
    }
    KubeObject stored = obj.withMetadata(meta.resourceVersion(store.nextResourceVersion()).build());
    if (after != before) {
      setManagedFields(old.kind(), ObjectStore.keyOf(stored), after);
    }
    store.put(stored);
    return stored;
  }

  private static boolean specChanged(KubeObject a, KubeObject b) {
    ObjectMeta blank = ObjectMeta.builder().build();
    return !a.withMetadata(blank).equals(b.withMetadata(blank));
  }

  /** Deletes an object as {@code kubectl delete} does by default (see {@link DeleteOptions#defaults()}). */
  public KubeObject delete(String kind, String namespace, String name) {
    return delete(kind, namespace, name, DeleteOptions.defaults());
  }

  /**
   * Deletes an object as the API server does: a scheduled, unfinished pod is marked with a
   * deletionTimestamp for its grace period (its kubelet finishes the deletion); an object with
   * finalizers ({@code orphan} and {@code foregroundDeletion} among them, added for those
   * propagation policies) is marked and removed once the finalizers are gone; anything else is
   * removed at once.
   *
   * @return the object as it was removed, or as it is now marked for deletion
   * @throws NotFoundException when it does not exist
   */
  public KubeObject delete(String kind, String namespace, String name, DeleteOptions options) {
    KindInfo info = kinds.byKind(kind).orElseThrow(() -> new BadRequestException("the server doesn't have a resource type \"" + kind + "\""));
    ObjectKey key = new ObjectKey(info.namespaced() ? namespace : "", name);
    KubeObject current = store.get(info.kind(), key).orElseThrow(() -> notFound(info, name));
    ObjectMeta meta = current.metadata();
    List<String> finalizers = new ArrayList<>(meta.finalizers());
    if (options.propagationPolicy().equals("Orphan") && !finalizers.contains(ORPHAN_FINALIZER)) {
      finalizers.add(ORPHAN_FINALIZER);
    } else if (options.propagationPolicy().equals("Foreground") && !finalizers.contains(FOREGROUND_FINALIZER)) {
      finalizers.add(FOREGROUND_FINALIZER);
    }
    long grace = current instanceof Pod pod ? PodDeletion.gracePeriod(pod, options.gracePeriodSeconds()) : 0;
    if (grace == 0 && finalizers.isEmpty()) {
      return remove(info, key);
    }
    if (meta.deletionTimestamp().isPresent() && finalizers.equals(meta.finalizers())) {
      // Already being deleted: a shorter grace period brings the end forward, as the API server allows.
      long left = meta.deletionGracePeriodSeconds().orElse(0L);
      if (grace == 0 && current instanceof Pod) {
        return remove(info, key);
      }
      if (grace >= left) {
        return current;
      }
    }
    String deadline = deletionDeadline(loop.clock().instant(), grace).toString();
    ObjectMeta marked = meta.toBuilder()
        .finalizers(finalizers)
        .deletionTimestamp(trimNanos(deadline))
        .deletionGracePeriodSeconds(grace)
        .build();
    return commitUpdate(current.withMetadata(marked), current, false);
  }

  /** The last instant RFC 3339 timestamps (four-digit years) can write. */
  private static final java.time.Instant LAST_TIMESTAMP = java.time.Instant.parse("9999-12-31T23:59:59Z");

  /**
   * Now plus the grace period; a period that reaches past the last writable timestamp (a valid
   * {@code terminationGracePeriodSeconds} of 9223372036854775807) ends there rather than overflowing.
   */
  static java.time.Instant deletionDeadline(java.time.Instant now, long graceSeconds) {
    long room = LAST_TIMESTAMP.getEpochSecond() - now.getEpochSecond();
    return graceSeconds >= room ? LAST_TIMESTAMP : now.plusSeconds(graceSeconds);
  }

  private static String trimNanos(String instant) {
    return java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /** Finalizer that makes the garbage collector orphan the dependents before the owner goes. */
  public static final String ORPHAN_FINALIZER = "orphan";
  /** Finalizer that keeps the owner until the garbage collector has deleted its dependents. */
  public static final String FOREGROUND_FINALIZER = "foregroundDeletion";

  private KubeObject remove(KindInfo info, ObjectKey key) {
    KubeObject removed = store.remove(info.kind(), key).orElseThrow(() -> notFound(info, key.name()));
    setManagedFields(info.kind(), key, ManagedFields.NONE);
    strategyFor(removed).release(removed);
    return removed;
  }

  /**
   * Removes a finalizer (as its controller does when its work is done); an object being deleted
   * goes once none is left.
   */
  public void removeFinalizer(KubeObject object, String finalizer) {
    KindInfo info = servedKindOf(object);
    ObjectKey key = ObjectStore.keyOf(object);
    Optional<KubeObject> current = store.get(info.kind(), key);
    if (current.isEmpty() || !current.get().metadata().finalizers().contains(finalizer)) {
      return;
    }
    List<String> left = new ArrayList<>(current.get().metadata().finalizers());
    left.remove(finalizer);
    KubeObject updated = current.get().withMetadata(current.get().metadata().toBuilder().finalizers(left).build());
    boolean graceLeft = updated instanceof Pod && updated.metadata().deletionGracePeriodSeconds().orElse(0L) > 0;
    if (left.isEmpty() && updated.metadata().deletionTimestamp().isPresent() && !graceLeft) {
      commitUpdate(updated, current.get(), false);
      remove(info, key);
    } else {
      commitUpdate(updated, current.get(), false);
    }
  }

  private <T extends KubeObject> T withNamespace(T object, KindInfo info) {
    ObjectMeta m = object.metadata();
    String ns = info.namespaced() ? m.namespace().filter(s -> !s.isEmpty()).orElse("default") : null;
    if (Optional.ofNullable(ns).equals(m.namespace())) {
      return object;
    }
    @SuppressWarnings("unchecked")
    T t = (T) object.withMetadata(m.toBuilder().namespace(ns).build());
    return t;
  }

  private void checkNamespace(KindInfo info, KubeObject obj) {
    if (!info.namespaced()) {
      return;
    }
    String ns = obj.metadata().namespace().orElse("default");
    if (store.get("Namespace", new ObjectKey("", ns)).isEmpty()) {
      throw new NotFoundException("namespaces \"" + ns + "\" not found");
    }
  }

  private <T extends KubeObject> T generateName(T obj, KindInfo info) {
    ObjectMeta m = obj.metadata();
    if (m.name().filter(n -> !n.isEmpty()).isPresent() || m.generateName().filter(g -> !g.isEmpty()).isEmpty()) {
      return obj;
    }
    String prefix = m.generateName().get();
    if (prefix.length() > MAX_GENERATE_NAME_LENGTH) {
      prefix = prefix.substring(0, MAX_GENERATE_NAME_LENGTH);
    }
    String name;
    do {
      StringBuilder sb = new StringBuilder(prefix);
      for (int i = 0; i < GENERATED_SUFFIX_LENGTH; i++) {
        sb.append(NAME_ALPHABET.charAt(names.nextInt(NAME_ALPHABET.length())));
      }
      name = sb.toString();
    } while (store.get(info.kind(), new ObjectKey(m.namespace().orElse(""), name)).isPresent());
    @SuppressWarnings("unchecked")
    T t = (T) obj.withMetadata(m.toBuilder().name(name).build());
    return t;
  }

  private String newUid() {
    long hi = uids.nextLong();
    long lo = uids.nextLong();
    // A version-4 UUID's layout, drawn from the seeded stream.
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo).toString();
  }

  /**
   * The API server's {@code Invalid} error: {@code Service "web" is invalid: <errors>}, one cause
   * per distinct field error; several errors are listed in brackets.
   */
  public static InvalidObjectException invalid(KindInfo info, String name, List<FieldError> errors) {
    Set<String> messages = new LinkedHashSet<>();
    List<StatusCause> causes = new ArrayList<>();
    for (FieldError e : errors) {
      if (messages.add(e.message())) {
        causes.add(new StatusCause(e.field(), e.type().causeType(), e.body()));
      }
    }
    String list = messages.size() == 1 ? messages.iterator().next() : "[" + String.join(", ", messages) + "]";
    return new InvalidObjectException(qualifiedKind(info) + " \"" + name + "\" is invalid: " + list, causes);
  }

  /** {@code Service}, {@code Deployment.apps}, {@code Ingress.networking.k8s.io}. */
  public static String qualifiedKind(KindInfo info) {
    return info.group().isEmpty() ? info.kind() : info.kind() + "." + info.group();
  }
}
