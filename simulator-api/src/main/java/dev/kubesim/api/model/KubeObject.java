package dev.kubesim.api.model;

/**
 * An API object: {@code apiVersion}, {@code kind} and {@code metadata}. The kinds kubesim models
 * are typed records ({@link Pod}, {@link Service}, ...); every other kind is a {@link
 * GenericObject}, so that whole real manifest folders load.
 */
public interface KubeObject {
  /**
   * {@code v1}, {@code apps/v1}, {@code networking.k8s.io/v1}, ...
   *
   * @return the object's {@code apiVersion}
   */
  String apiVersion();

  /**
   * {@code Pod}, {@code Service}, ...
   *
   * @return the object's {@code kind}
   */
  String kind();

  /**
   * The object's {@code metadata}: name, namespace, labels, annotations, owners, resourceVersion.
   *
   * @return the metadata, empty when the manifest has none
   */
  ObjectMeta metadata();

  /**
   * A copy of this object with other metadata.
   *
   * @param metadata the object's {@code metadata}
   * @return a copy of this {@code KubeObject} with {@code metadata} replaced
   */
  KubeObject withMetadata(ObjectMeta metadata);
}
