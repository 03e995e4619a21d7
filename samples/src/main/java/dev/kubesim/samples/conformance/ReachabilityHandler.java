package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.samples.conformance.ScenarioTarget.ConnectProbe;
import dev.kubesim.samples.conformance.ScenarioTarget.ConnectResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code reachability}: every pod of the matrix's header tries to reach every other one's pod IP
 * on the step's port and protocol (TCP unless given), row by row in header order, and every cell
 * must match. A failure names each cell that differs, with the client's words for a failed attempt:
 * {@code x/c -> x/a: expected X got .; y/a -> x/b: expected . got X (TIMEOUT)}.
 */
final class ReachabilityHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    int port = input.get("port").asInt();
    String protocol = input.path("protocol").asText("TCP");
    ReachabilityMatrix want = ReachabilityMatrix.parse(expect.orElseThrow().get("matrix").asText());
    Map<String, String> ips = new LinkedHashMap<>();
    for (String pod : want.pods()) {
      ips.put(pod, Destinations.podIp(ctx, pod));
    }
    List<String> differ = new ArrayList<>();
    int probed = 0;
    for (String client : want.pods()) {
      for (String server : want.pods()) {
        if (client.equals(server)) {
          continue;
        }
        ConnectResult r = ctx.target().connect(new ConnectProbe(client, ips.get(server), port, protocol));
        probed++;
        if (r.connected() != want.reaches(client, server)) {
          differ.add(client + " -> " + server + ": expected " + want.cell(client, server) + " got "
              + (r.connected() ? "." : "X" + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")")));
        }
      }
    }
    if (differ.isEmpty()) {
      return StepOutcome.PASSED;
    }
    return StepOutcome.failed("the matrix as written",
        differ.size() + " of " + probed + " cells differ: " + String.join("; ", differ));
  }
}
