package dev.kubesim.api.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code metadata}: name, namespace, labels, annotations, owner references and the fields the API
 * server sets (uid, resourceVersion, generation, creationTimestamp, deletionTimestamp).
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

  /** Metadata with a name only. */
  public static ObjectMeta named(String name) {
    return builder().name(name).build();
  }

  /** Metadata with a namespace and a name. */
  public static ObjectMeta named(String namespace, String name) {
    return builder().namespace(namespace).name(name).build();
  }

  /** The name, or {@code ""} when the object has none yet. */
  public String nameOrEmpty() {
    return name.orElse("");
  }

  /** The owner reference marked {@code controller: true}, if any. */
  public Optional<OwnerReference> controllerRef() {
    // Asked on every pod event by several controllers: a loop, not a stream.
    for (OwnerReference r : ownerReferences) {
      if (r.isController()) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

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

    public Builder name(String value) {
      name = Optional.ofNullable(value);
      return this;
    }

    public Builder generateName(String value) {
      generateName = Optional.ofNullable(value);
      return this;
    }

    public Builder namespace(String value) {
      namespace = Optional.ofNullable(value);
      return this;
    }

    public Builder uid(String value) {
      uid = Optional.ofNullable(value);
      return this;
    }

    public Builder resourceVersion(String value) {
      resourceVersion = Optional.ofNullable(value);
      return this;
    }

    public Builder generation(Long value) {
      generation = Optional.ofNullable(value);
      return this;
    }

    public Builder creationTimestamp(String value) {
      creationTimestamp = Optional.ofNullable(value);
      return this;
    }

    public Builder deletionTimestamp(String value) {
      deletionTimestamp = Optional.ofNullable(value);
      return this;
    }

    public Builder deletionGracePeriodSeconds(Long value) {
      deletionGracePeriodSeconds = Optional.ofNullable(value);
      return this;
    }

    public Builder labels(Map<String, String> value) {
      labels = value;
      return this;
    }

    public Builder annotations(Map<String, String> value) {
      annotations = value;
      return this;
    }

    public Builder ownerReferences(List<OwnerReference> value) {
      ownerReferences = value;
      return this;
    }

    public Builder finalizers(List<String> value) {
      finalizers = value;
      return this;
    }

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
