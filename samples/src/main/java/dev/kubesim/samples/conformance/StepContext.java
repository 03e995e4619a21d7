package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.FieldPaths;
import java.util.Optional;

/**
 * What a step runs against: the scenario's cluster, the target for the verbs beyond the API, and
 * pod-reference resolution.
 */
record StepContext(Cluster cluster, ScenarioTarget target, PodRefs pods) {
  StepContext(Cluster cluster, ScenarioTarget target) {
    this(cluster, target, new PodRefs(cluster));
  }

  /** An object as stored, as the JSON tree the API would return; empty when it does not exist. */
  Optional<JsonNode> stored(String kind, String namespace, String name) {
    return cluster.getJson(kind, namespace, name).map(StepContext::tree);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the cluster returned JSON that does not parse: " + e.getOriginalMessage(), e);
    }
  }

  /** The value at a field path ({@code spec.ports[0].port}); empty when absent or null. */
  Optional<JsonNode> field(JsonNode tree, String path) {
    try {
      return FieldPaths.resolve(tree, path).filter(n -> !n.isNull());
    } catch (IllegalArgumentException e) {
      throw new StepFailure("a valid field path", Texts.oneLine(e.getMessage()));
    }
  }
}
