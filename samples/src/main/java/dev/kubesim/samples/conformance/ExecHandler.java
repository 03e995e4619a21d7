package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.samples.conformance.ScenarioTarget.ExecResult;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code exec}: a command in a pod's container, {@code repeat} times; every run must meet the
 * expectation, and {@code distinct} counts different standard outputs. Without {@code expect} the
 * command must exit 0. The cluster settles after each run, since a command may change what the
 * kubelet sees ({@code touch /var/ready}).
 */
final class ExecHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    String pod = ctx.pods().resolve(input.get("pod"));
    String command = input.get("command").asText();
    Set<String> outputs = new HashSet<>();
    for (int run = 1; run <= repeat; run++) {
      ExecResult r = ctx.target().exec(pod, command);
      ctx.cluster().settle();
      outputs.add(r.stdout());
      Mismatches m = check(r, expect);
      if (!m.isEmpty()) {
        return m.outcome(repeat > 1 ? "run " + run + " of " + repeat + ": " : "");
      }
    }
    Mismatches m = new Mismatches();
    Distinct.check(expect, outputs.size(), "outputs", m);
    return m.outcome();
  }

  private static Mismatches check(ExecResult r, Optional<JsonNode> expect) {
    Mismatches m = new Mismatches();
    if (expect.isEmpty()) {
      if (r.exitCode() != 0) {
        m.add("exit code 0", "exit code " + r.exitCode() + ", stderr " + Texts.quote(r.stderr()));
      }
      return m;
    }
    JsonNode e = expect.get();
    if (e.has("exitCode")) {
      m.equal("exit code", e.get("exitCode").asInt(), r.exitCode());
    }
    if (e.has("stdout")) {
      m.sameText("stdout", e.get("stdout").asText(), r.stdout());
    }
    if (e.has("stderr")) {
      m.sameText("stderr", e.get("stderr").asText(), r.stderr());
    }
    if (e.has("stdoutMatches")) {
      m.matches("stdout", e.get("stdoutMatches").asText(), r.stdout());
    }
    if (e.has("stderrMatches")) {
      m.matches("stderr", e.get("stderrMatches").asText(), r.stderr());
    }
    return m;
  }
}
