package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.KubectlResult;
import java.util.Optional;

/**
 * {@code kubectl}: runs a kubectl command line and compares its exit code and its output
 * (standard output then standard error); the cluster settles afterwards, since commands such as
 * {@code scale} change it.
 */
final class KubectlHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    KubectlResult r = ctx.cluster().kubectl(input.asText());
    ctx.cluster().settle();
    Mismatches m = new Mismatches();
    if (expect.isEmpty()) {
      if (r.exitCode() != 0) {
        m.add("exit code 0", "exit code " + r.exitCode() + ", output " + Texts.quote(r.output()));
      }
      return m.outcome();
    }
    JsonNode e = expect.get();
    if (e.has("exitCode")) {
      m.equal("exit code", e.get("exitCode").asInt(), r.exitCode());
    }
    if (e.has("output")) {
      m.sameText("output", e.get("output").asText(), r.output());
    }
    if (e.has("outputMatches")) {
      m.matches("output", e.get("outputMatches").asText(), r.output());
    }
    return m.outcome();
  }
}
