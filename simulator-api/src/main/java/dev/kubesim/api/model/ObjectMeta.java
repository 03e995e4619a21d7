package dev.kubesim.api.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code metadata}: name, namespace, labels, annotations, owner references and the fields the API
 * server sets (uid, resourceVersion, generation, creationTimestamp, deletionTimestamp).
 *
 * @param name unique within its namespace and kind; empty until generated from {@code generateName}
 * @param generateName a prefix from which the API server makes a unique name (a random
 *     five-character suffix), when {@code name} is empty
 * @param namespace the namespace, empty for a cluster-scoped object
 * @param uid the unique identifier the API server assigned at creation
 * @param resourceVersion the version of the object in the store, changed by every write; optimistic
 *     concurrency and watches use it
 * @param generation a counter of changes to the desired state ({@code spec}), set by the API server
 * @param creationTimestamp when the API server created the object (RFC 3339)
 * @param deletionTimestamp when the object is to be gone, set when a graceful deletion starts
 * @param deletionGracePeriodSeconds the grace period of a deletion under way
 * @param labels identifying key/value pairs that selectors match
 * @param annotations non-identifying key/value pairs for tools ({@code
 *     kubectl.kubernetes.io/last-applied-configuration})
 * @param ownerReferences the objects this one belongs to; the garbage collector deletes it with
 *     them
 * @param finalizers what must be done before the object is removed from the store
 */
public record ObjectMeta(
    Optional<String> name,
    Optional<String> generateName,
    Optional<String> namespace,
    Optional<String> uid,
    Optional<String> resourceVersion,
    Optional<Long> generation,
    Optional<String> creationTimestamp,
    Optional<String> deletionTimestamp,
    Optional<Long> deletionGracePeriodSeconds,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerReference> ownerReferences,
    List<String> finalizers) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param name unique within its namespace and kind; empty until generated from {@code
   *     generateName}
   * @param generateName a prefix from which the API server makes a unique name (a random
   *     five-character suffix), when {@code name} is empty
   * @param namespace the namespace, empty for a cluster-scoped object
   * @param uid the unique identifier the API server assigned at creation
   * @param resourceVersion the version of the object in the store, changed by every write;
   *     optimistic concurrency and watches use it
   * @param generation a counter of changes to the desired state ({@code spec}), set by the API
   *     server
   * @param creationTimestamp when the API server created the object (RFC 3339)
   * @param deletionTimestamp when the object is to be gone, set when a graceful deletion starts
   * @param deletionGracePeriodSeconds the grace period of a deletion under way
   * @param labels identifying key/value pairs that selectors match
   * @param annotations non-identifying key/value pairs for tools ({@code
   *     kubectl.kubernetes.io/last-applied-configuration})
   * @param ownerReferences the objects this one belongs to; the garbage collector deletes it with
   *     them
   * @param finalizers what must be done before the object is removed from the store
   */
  public ObjectMeta {
    name = Values.opt(name);
    generateName = Values.opt(generateName);
    namespace = Values.opt(namespace);
    uid = Values.opt(uid);
    resourceVersion = Values.opt(resourceVersion);
    generation = Values.opt(generation);
    creationTimestamp = Values.opt(creationTimestamp);
    deletionTimestamp = Values.opt(deletionTimestamp);
    deletionGracePeriodSeconds = Values.opt(deletionGracePeriodSeconds);
    labels = Values.map(labels);
    annotations = Values.map(annotations);
    ownerReferences = Values.list(ownerReferences);
    finalizers = Values.list(finalizers);
  }

  /**
   * Metadata with a name only.
   *
   * @param name the object's name
   * @return the metadata
   */
  public static ObjectMeta named(String name) {
    return builder().name(name).build();
  }

  /**
   * Metadata with a namespace and a name.
   *
   * @param namespace the namespace
   * @param name the object's name
   * @return the metadata
   */
  public static ObjectMeta named(String namespace, String name) {
    return builder().namespace(namespace).name(name).build();
  }

  /**
   * The name, or {@code ""} when the object has none yet.
   *
   * @return the name, or {@code ""} when the object has none yet
   */
  public String nameOrEmpty() {
    return name.orElse("");
  }

  /**
   * The owner reference marked {@code controller: true}, if any.
   *
   * @return the owner reference marked {@code controller: true}, if any
   */
  public Optional<OwnerReference> controllerRef() {
    // Asked on every pod event by several controllers: a loop, not a stream.
    for (OwnerReference r : ownerReferences) {
      if (r.isController()) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * A builder that starts from this {@code ObjectMeta}'s fields, for a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * A builder that starts with every field absent or empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(null);
  }

  /** A builder of {@link ObjectMeta}, starting from nothing or from a copy. */
  public static final class Builder {
    private Optional<String> name = Optional.empty();
    private Optional<String> generateName = Optional.empty();
    private Optional<String> namespace = Optional.empty();
    private Optional<String> uid = Optional.empty();
    private Optional<String> resourceVersion = Optional.empty();
    private Optional<Long> generation = Optional.empty();
    private Optional<String> creationTimestamp = Optional.empty();
    private Optional<String> deletionTimestamp = Optional.empty();
    private Optional<Long> deletionGracePeriodSeconds = Optional.empty();
    private Map<String, String> labels = ImmutableSortedMap.of();
    private Map<String, String> annotations = ImmutableSortedMap.of();
    private List<OwnerReference> ownerReferences = ImmutableList.of();
    private List<String> finalizers = ImmutableList.of();

    private Builder(ObjectMeta from) {
      if (from != null) {
        name = from.name;
        generateName = from.generateName;
        namespace = from.namespace;
        uid = from.uid;
        resourceVersion = from.resourceVersion;
        generation = from.generation;
        creationTimestamp = from.creationTimestamp;
        deletionTimestamp = from.deletionTimestamp;
        deletionGracePeriodSeconds = from.deletionGracePeriodSeconds;
        labels = from.labels;
        annotations = from.annotations;
        ownerReferences = from.ownerReferences;
        finalizers = from.finalizers;
      }
    }

    /**
     * Sets {@link ObjectMeta#name()}.
     *
     * @param value the new value; {@code null} for absent
     * @return this builder
     */
    public Builder name(String value) {
      name = Optional.ofNullable(value);
      return this;
    }

    /**
     * Sets {@link ObjectMeta#generateName()}.
     *
     * @param value the new value; {@code null} for absent
     * @return this builder
     */
    public Builder generateName(String value) {
      generateName = Optional.ofNullable(value);
      return this;
    }

    /**
     * Sets {@link ObjectMeta#namespace()}.
     *
     * @param value the new value; {@code null} for absent
     * @return this builder
     */
    public Builder namespace(String value) {
      namespace = Optional.ofNullable(value);
      return this;
    }

    /**
     * Sets {@link ObjectMeta#uid()}.
     *
     * @param value the new value; {@code null} for absent
     * @return this builder
     */
    public Builder uid(String value) {
      uid = Optional.ofNullable(value);
      return this;
    }

    /**
     * Sets {@link ObjectMeta#resourceVersion()}.
     *
     * @param value the new value; {@code null} for absent
     * @return this builder
     */
    public Builder resourceVersion(String value) {
      resourceVersion = Optional.ofNullable(value);
      return this;
    }

    /**
     * Sets {@link ObjectMeta#generation()}.
     *
     * @param value the new value; {@code null} for absent
     * @return this builder
     */
    public Builder generation(Long value) {
      generation = Optional.ofNullable(value);
      return this;
    }

    /**
     * Sets {@link ObjectMeta#creationTimestamp()}.
     *
     * @param value the new value; {@code null} for absent
     * @return this builder
     */
    public Builder creationTimestamp(String value) {
      creationTimestamp = Optional.ofNullable(value);
      return this;
    }

    /**
     * Sets {@link ObjectMeta#deletionTimestamp()}.
     *
     * @param value the new value; {@code null} for absent
     * @return this builder
     */
    public Builder deletionTimestamp(String value) {
      deletionTimestamp = Optional.ofNullable(value);
      return this;
    }

    /**
     * Sets {@link ObjectMeta#deletionGracePeriodSeconds()}.
     *
     * @param value the new value; {@code null} for absent
     * @return this builder
     */
    public Builder deletionGracePeriodSeconds(Long value) {
      deletionGracePeriodSeconds = Optional.ofNullable(value);
      return this;
    }

    /**
     * Sets {@link ObjectMeta#labels()}.
     *
     * @param value the new value; {@code null} for none
     * @return this builder
     */
    public Builder labels(Map<String, String> value) {
      labels = value;
      return this;
    }

    /**
     * Sets {@link ObjectMeta#annotations()}.
     *
     * @param value the new value; {@code null} for none
     * @return this builder
     */
    public Builder annotations(Map<String, String> value) {
      annotations = value;
      return this;
    }

    /**
     * Sets {@link ObjectMeta#ownerReferences()}.
     *
     * @param value the new value; {@code null} for none
     * @return this builder
     */
    public Builder ownerReferences(List<OwnerReference> value) {
      ownerReferences = value;
      return this;
    }

    /**
     * Sets {@link ObjectMeta#finalizers()}.
     *
     * @param value the new value; {@code null} for none
     * @return this builder
     */
    public Builder finalizers(List<String> value) {
      finalizers = value;
      return this;
    }

    /**
     * Builds the {@code ObjectMeta} from the fields set so far.
     *
     * @return a new {@code ObjectMeta}
     */
    public ObjectMeta build() {
      return new ObjectMeta(
          name,
          generateName,
          namespace,
          uid,
          resourceVersion,
          generation,
          creationTimestamp,
          deletionTimestamp,
          deletionGracePeriodSeconds,
          labels,
          annotations,
          ownerReferences,
          finalizers);
    }
  }
}
