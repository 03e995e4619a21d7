package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.samples.conformance.ScenarioTarget.ResolvConf;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code resolvConf}: the kubelet's {@code /etc/resolv.conf} for a pod; nameservers and searches
 * in order, options as a set (the kubelet does not fix the order of merged options).
 */
final class ResolvConfHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    ResolvConf r = ctx.target().resolvConf(ctx.pods().resolve(input.get("pod")));
    JsonNode e = expect.orElseThrow();
    Mismatches m = new Mismatches();
    if (e.has("nameservers")) {
      m.equal("nameservers", Texts.list(strings(e.get("nameservers"))), Texts.list(r.nameservers()));
    }
    if (e.has("searches")) {
      m.equal("searches", Texts.list(strings(e.get("searches"))), Texts.list(r.searches()));
    }
    if (e.has("options")) {
      m.equal("options", Texts.list(new TreeSet<>(strings(e.get("options")))), Texts.list(new TreeSet<>(r.options())));
    }
    return m.outcome();
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }
}
