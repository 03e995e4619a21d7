package dev.kubesim.api.model;

import java.util.Optional;

/** A reference to an API object ({@code core/v1 ObjectReference}), e.g. an endpoint's {@code targetRef}. */
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
   * @param kind the referenced object's kind; {@code null} for absent
   * @param namespace the namespace; {@code null} for absent
   * @param name the referenced object's name; {@code null} for absent
   * @param uid the {@code uid} field; {@code null} for absent
   * @param apiVersion the object's {@code apiVersion}; {@code null} for absent
   * @param resourceVersion the {@code resourceVersion} field; {@code null} for absent
   * @param fieldPath the {@code fieldPath} field; {@code null} for absent
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
