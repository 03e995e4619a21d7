package dev.kubesim.impl.kubectl.describe;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a describer reads besides the object: the API server (for related pods, EndpointSlices,
 * ReplicaSets and Events) and the cluster's current instant.
 *
 * @param api the API server to read related objects from
 * @param now the current virtual instant
 */
public record DescribeContext(ApiServer api, Instant now) {
  /** Objects of a kind in one namespace ({@code ""} for cluster-scoped kinds), in name order. */
  List<KubeObject> list(String kind, String namespace) {
    return api.list(kind, Optional.of(namespace));
  }

  /** Objects of a kind in every namespace. */
  List<KubeObject> listAll(String kind) {
    return api.list(kind, Optional.empty());
  }
}
