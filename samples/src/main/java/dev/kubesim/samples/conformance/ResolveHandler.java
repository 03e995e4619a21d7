package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.samples.conformance.ScenarioTarget.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code resolve}: the names a pod's resolver tries, in order, and what it finds. */
final class ResolveHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    String pod = ctx.pods().resolve(input.get("pod"));
    Resolution r = ctx.target().resolve(pod, input.get("name").asText(), input.path("resolver").asText("glibc"));
    JsonNode e = expect.orElseThrow();
    Mismatches m = new Mismatches();
    if (e.has("tried")) {
      List<String> want = new ArrayList<>();
      e.get("tried").forEach(n -> want.add(n.asText()));
      m.equal("tried", Texts.list(want), Texts.list(r.tried()));
    }
    if (e.has("address")) {
      m.equal("address", e.get("address").asText(), r.address().orElse("<none>"));
    }
    if (e.has("rcode")) {
      m.equal("rcode", e.get("rcode").asText(), r.rcode());
    }
    return m.outcome();
  }
}
