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
