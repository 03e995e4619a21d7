package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.samples.conformance.ScenarioTarget.ConnectProbe;
import dev.kubesim.samples.conformance.ScenarioTarget.ConnectResult;
import java.util.Optional;

/**
 * {@code connect}: one connection attempt from a pod to a pod's IP, a Service's ClusterIP ({@code
 * svc:NS/NAME}) or an address, on the step's port and protocol (TCP unless given); {@code allowed}
 * says whether it must get through.
 */
final class ConnectHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    String from = ctx.pods().resolve(input.get("from"));
    String ip = Destinations.of(ctx, input.get("to"));
    ConnectResult r = ctx.target().connect(
        new ConnectProbe(from, ip, input.get("port").asInt(), input.path("protocol").asText("TCP")));
    boolean allowed = expect.orElseThrow().get("allowed").asBoolean();
    if (r.connected() == allowed) {
      return StepOutcome.PASSED;
    }
    return StepOutcome.failed("allowed " + allowed,
        "allowed " + r.connected() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
  }
}
