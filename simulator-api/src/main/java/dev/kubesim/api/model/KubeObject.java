package dev.kubesim.api.model;

/**
 * An API object: {@code apiVersion}, {@code kind} and {@code metadata}. The kinds kubesim models
 * are typed records ({@link Pod}, {@link Service}, ...); every other kind is a {@link
 * GenericObject}, so that whole real manifest folders load.
 */
public interface KubeObject {
  /** {@code v1}, {@code apps/v1}, {@code networking.k8s.io/v1}, ... */
  String apiVersion();

  /** {@code Pod}, {@code Service}, ... */
  String kind();

  ObjectMeta metadata();

  /** A copy of this object with other metadata. */
  KubeObject withMetadata(ObjectMeta metadata);
}
