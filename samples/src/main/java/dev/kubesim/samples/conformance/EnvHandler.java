package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env}: the environment of a pod's first container. {@code includes} values are compared as
 * text (environment values are strings, so YAML's {@code 80} means {@code "80"}); {@code excludes}
 * names variables that must not be set.
 */
final class EnvHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    Map<String, String> env = ctx.target().env(ctx.pods().resolve(input.get("pod")));
    JsonNode e = expect.orElseThrow();
    Mismatches m = new Mismatches();
    for (Map.Entry<String, JsonNode> v : e.path("includes").properties()) {
      String actual = env.get(v.getKey());
      if (!v.getValue().asText().equals(actual)) {
        m.add(v.getKey() + "=" + Texts.quote(v.getValue().asText()),
            v.getKey() + (actual == null ? " unset" : "=" + Texts.quote(actual)));
      }
    }
    for (JsonNode name : e.path("excludes")) {
      if (env.containsKey(name.asText())) {
        m.add(name.asText() + " unset", name.asText() + "=" + Texts.quote(env.get(name.asText())));
      }
    }
    return m.outcome();
  }
}
