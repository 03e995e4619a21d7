package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** {@code advance}: moves virtual time forward, then lets the cluster settle. */
final class AdvanceHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    ctx.cluster().advance(DurationText.parse(input.asText()));
    ctx.cluster().settle();
    return StepOutcome.PASSED;
  }
}
