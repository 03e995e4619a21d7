package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.samples.conformance.ScenarioTarget.Packet;
import dev.kubesim.samples.conformance.ScenarioTarget.PacketResult;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/** {@code packet}: kube-proxy's verdict on a new connection's first packet; backends compared as a set. */
final class PacketHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    Packet packet = new Packet(
        input.get("node").asText(),
        input.get("src").asText(),
        input.get("dst").asText(),
        input.get("dport").asInt(),
        input.has("sport") ? OptionalInt.of(input.get("sport").asInt()) : OptionalInt.empty(),
        input.get("proto").asText());
    PacketResult r = ctx.target().packet(packet);
    JsonNode e = expect.orElseThrow();
    Mismatches m = new Mismatches();
    m.equal("verdict", e.get("verdict").asText(), r.verdict());
    if (e.has("backends")) {
      TreeSet<String> want = new TreeSet<>();
      e.get("backends").forEach(b -> want.add(b.asText()));
      m.equal("backends", Texts.list(want), Texts.list(new TreeSet<>(r.backends())));
    }
    if (e.has("masquerade")) {
      m.equal("masquerade", e.get("masquerade").asBoolean(), r.masquerade());
    }
    return m.outcome();
  }
}
