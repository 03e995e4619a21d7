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
import dev.kubesim.impl.codec.KindRegistry;
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
  private final Map<Class<?>, Strategy<?>> strategies = new HashMap<>();
  /** Rules for kinds stored as generic objects (PersistentVolumeClaim, StorageClass, ...), by kind. */
  private final Map<String, Strategy<GenericObject>> genericKinds = new HashMap<>();
  private final Strategy<KubeObject> generic = new GenericStrategy();
  private final SplittableRandom names;
  private final SplittableRandom uids;

  public ApiServer(ObjectStore store, EventLoop loop) {
    this.store = store;
    this.loop = loop;
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
    KindInfo info = KindRegistry.byKind(kind).orElse(null);
    String ns = info != null && !info.namespaced() ? "" : namespace;
    return store.get(kind, new ObjectKey(ns, name));
  }

  /** The object, or NotFound with the API server's message ({@code services "nope" not found}). */
  public KubeObject getOrThrow(String kind, String namespace, String name) {
    return get(kind, namespace, name).orElseThrow(() -> notFound(kind, name));
  }

  public ImmutableList<KubeObject> list(String kind, Optional<String> namespace) {
    return store.list(kind, namespace);
  }

  public static NotFoundException notFound(String kind, String name) {
    String resource = KindRegistry.byKind(kind).map(KindInfo::qualifiedResource).orElse(kind.toLowerCase() + "s");
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
    KindInfo info = kindOf(object);
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
    store.put(stored);
    allocation.commit().run();
    return new Written<>(stored, warnings);
  }

  /**
   * Replaces a stored object (an update through the main resource): identity and allocated values
   * are kept, the generation moves on when the spec changed.
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
  @SuppressWarnings("unchecked")
  public <T extends KubeObject> Written<T> updateWarned(T object, boolean dryRun) {
    KindInfo info = kindOf(object);
    Strategy<T> strategy = strategyFor(object);
    T obj = withNamespace(object, info);
    ObjectKey key = ObjectStore.keyOf(obj);
    T old = (T) store.get(info.kind(), key).orElseThrow(() -> notFound(info.kind(), key.name()));
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
    T stored = (T) commitUpdate(obj, old, strategy.hasGeneration());
    allocation.commit().run();
    return new Written<>(stored, warnings);
  }

  /** Creates the object, or updates it when it exists (kubectl apply). */
  public <T extends KubeObject> T apply(T object) {
    KindInfo info = kindOf(object);
    T obj = withNamespace(object, info);
    if (obj.metadata().name().isPresent() && store.get(info.kind(), ObjectStore.keyOf(obj)).isPresent()) {
      return update(obj);
    }
    return create(obj);
  }

  /**
   * Writes an object as a controller or the kubelet does (status and controller-owned fields): no
   * validation, the resourceVersion moves on, the generation is kept.
   */
  public <T extends KubeObject> T write(T object) {
    KindInfo info = kindOf(object);
    T obj = withNamespace(object, info);
    Optional<KubeObject> old = store.get(info.kind(), ObjectStore.keyOf(obj));
    if (old.isEmpty()) {
      return create(obj);
    }
    @SuppressWarnings("unchecked")
    T updated = (T) commitUpdate(obj, old.get(), false);
    return updated;
  }

  private KubeObject commitUpdate(KubeObject obj, KubeObject old, boolean bumpGeneration) {
    ObjectMeta oldMeta = old.metadata();
    ObjectMeta.Builder meta =
        obj.metadata().toBuilder()
            .uid(oldMeta.uid().orElse(null))
            .creationTimestamp(oldMeta.creationTimestamp().orElse(null))
            .generation(oldMeta.generation().orElse(null))
            .deletionTimestamp(obj.metadata().deletionTimestamp().or(oldMeta::deletionTimestamp).orElse(null))
            .resourceVersion(store.nextResourceVersion());
    if (bumpGeneration && oldMeta.generation().isPresent() && specChanged(obj, old)) {
      meta.generation(oldMeta.generation().get() + 1);
    }
    KubeObject stored = obj.withMetadata(meta.build());
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
    KindInfo info = KindRegistry.byKind(kind).orElseThrow(() -> new BadRequestException("the server doesn't have a resource type \"" + kind + "\""));
    ObjectKey key = new ObjectKey(info.namespaced() ? namespace : "", name);
    KubeObject current = store.get(info.kind(), key).orElseThrow(() -> notFound(kind, name));
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
    KubeObject removed = store.remove(info.kind(), key).orElseThrow(() -> notFound(info.kind(), key.name()));
    strategyFor(removed).release(removed);
    return removed;
  }

  /**
   * Removes a finalizer (as its controller does when its work is done); an object being deleted
   * goes once none is left.
   */
  public void removeFinalizer(KubeObject object, String finalizer) {
    KindInfo info = kindOf(object);
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
