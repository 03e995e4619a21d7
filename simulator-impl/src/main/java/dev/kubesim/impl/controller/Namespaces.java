package dev.kubesim.impl.controller;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import java.util.Optional;

/** What the namespace-scoped publishers ask of a namespace: whether it exists and is not terminating. */
final class Namespaces {
  private Namespaces() {}

  static boolean isActive(ApiServer api, String namespace) {
    Optional<KubeObject> ns = api.get("Namespace", "", namespace);
    return ns.isPresent() && ns.get().metadata().deletionTimestamp().isEmpty();
  }
}
