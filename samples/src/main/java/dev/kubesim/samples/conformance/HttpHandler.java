package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpRequest;
import dev.kubesim.samples.conformance.ScenarioTarget.HttpResult;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http}: a request through the simulated network, {@code repeat} times, each on a new
 * connection; every run must meet the expectation, and {@code distinct} counts different serving
 * pods.
 */
final class HttpHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    JsonNode from = input.get("from");
    // A textual client with a slash is a pod; external, external:IP and node:NAME pass as written.
    String client = from.isTextual() ? from.asText() : ctx.pods().resolve(from);
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> h : input.path("headers").properties()) {
      headers.put(h.getKey(), h.getValue().asText());
    }
    HttpRequest request = new HttpRequest(client, input.get("url").asText(), headers);
    JsonNode e = expect.orElseThrow();
    Optional<String> servedBy = e.has("servedBy") ? Optional.of(ctx.pods().resolve(e.get("servedBy"))) : Optional.empty();
    Set<String> pods = new HashSet<>();
    for (int run = 1; run <= repeat; run++) {
      HttpResult r = ctx.target().http(request);
      pods.add(r.servedBy().orElse("<none>"));
      Mismatches m = check(r, e, servedBy);
      if (!m.isEmpty()) {
        return m.outcome(repeat > 1 ? "run " + run + " of " + repeat + ": " : "");
      }
    }
    Mismatches m = new Mismatches();
    Distinct.check(expect, pods.size(), "serving pods", m);
    return m.outcome();
  }

  /**
   * Every key given is checked, whether a response came or not: a request that failed where a
   * response was expected is one mismatch, and the Service port and serving pod are still compared
   * (a connection can fail after kube-proxy chose an endpoint).
   */
  private static Mismatches check(HttpResult r, JsonNode e, Optional<String> servedBy) {
    Mismatches m = new Mismatches();
    String got = r.error().map(x -> "error " + x).orElse("status " + r.status());
    if (e.has("error")) {
      String want = e.get("error").asText();
      if (!r.error().equals(Optional.of(want))) {
        m.add("error " + want, got);
      }
    }
    boolean responseExpected = e.has("status") || e.has("bodyMatches") || !e.has("error") && !e.has("distinct");
    if (responseExpected && r.error().isPresent()) {
      m.add(e.has("status") ? "status " + e.get("status").asText() : "a response", got);
    } else if (r.error().isEmpty()) {
      if (e.has("status")) {
        m.equal("status", e.get("status").asInt(), r.status());
      }
      if (e.has("bodyMatches")) {
        m.matches("body", e.get("bodyMatches").asText(), r.body());
      }
    }
    if (e.has("backend")) {
      m.equal("backend", e.get("backend").asText(), r.backend().orElse("<none>"));
    }
    servedBy.ifPresent(pod -> m.equal("served by", pod, r.servedBy().orElse("<none>")));
    return m;
  }
}
