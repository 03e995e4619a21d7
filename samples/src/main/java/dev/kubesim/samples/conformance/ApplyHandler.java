package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** {@code apply}: applies multi-document YAML like {@code kubectl apply -f}; the cluster settles. */
final class ApplyHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    return ApiErrorCheck.run(() -> ctx.cluster().apply(input.asText()), expect);
  }
}
