package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** {@code delete}: deletes one object like {@code kubectl delete}; namespace {@code default} unless given. */
final class DeleteHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    String kind = input.get("kind").asText();
    String namespace = input.path("namespace").asText("default");
    String name = input.get("name").asText();
    return ApiErrorCheck.run(() -> ctx.cluster().delete(kind, namespace, name), expect);
  }
}
