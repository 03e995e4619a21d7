package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Runs one verb: its input and expectation arrive checked and with references substituted. */
interface StepHandler {
  /**
   * Runs the step and compares what happened with {@code expect}; without {@code expect} (an
   * action) the step must simply succeed.
   */
  StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat);
}
