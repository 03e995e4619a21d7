package dev.kubesim.api.model;

import java.util.Optional;

/**
 * A reference to an API object ({@code core/v1 ObjectReference}), e.g. an endpoint's {@code
 * targetRef}.
 *
 * @param kind the referenced object's kind
 * @param namespace its namespace
 * @param name its name
 * @param uid its uid
 * @param apiVersion its {@code apiVersion}
 * @param resourceVersion the version referred to
 * @param fieldPath a field within it ({@code spec.containers{kubia}})
 */
public record ObjectReference(
    Optional<String> kind,
    Optional<String> namespace,
    Optional<String> name,
    Optional<String> uid,
    Optional<String> apiVersion,
    Optional<String> resourceVersion,
    Optional<String> fieldPath) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param kind the referenced object's kind
   * @param namespace its namespace
   * @param name its name
   * @param uid its uid
   * @param apiVersion its {@code apiVersion}
   * @param resourceVersion the version referred to
   * @param fieldPath a field within it ({@code spec.containers{kubia}})
   */
  public ObjectReference {
    kind = Values.opt(kind);
    namespace = Values.opt(namespace);
    name = Values.opt(name);
    uid = Values.opt(uid);
    apiVersion = Values.opt(apiVersion);
    resourceVersion = Values.opt(resourceVersion);
    fieldPath = Values.opt(fieldPath);
  }
}
