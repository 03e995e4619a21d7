package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.StatusCause;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Runs an API write ({@code apply}, {@code delete}) against {@code expect: {error: ...}} or
 * {@code expect: {ok: true}}: the reason, the causes as a set of (field, type), and a part of the
 * message. Without an error expectation the write must succeed.
 */
final class ApiErrorCheck {
  private ApiErrorCheck() {}

  static StepOutcome run(Runnable write, Optional<JsonNode> expect) {
    JsonNode error = expect.map(e -> e.get("error")).orElse(null);
    try {
      write.run();
    } catch (KubeSimException e) {
      return error == null
          ? StepOutcome.failed("success", "error " + e.reason() + ": " + Texts.oneLine(e.getMessage()))
          : compare(error, e);
    } catch (RuntimeException e) {
      return StepOutcome.failed(error == null ? "success" : expected(error), Texts.describe(e));
    }
    return error == null ? StepOutcome.PASSED : StepOutcome.failed(expected(error), "success");
  }

  private static String expected(JsonNode error) {
    return error.has("reason") ? "error " + error.get("reason").asText() : "an error";
  }

  private static StepOutcome compare(JsonNode error, KubeSimException e) {
    Mismatches m = new Mismatches();
    if (error.has("reason")) {
      m.equal("reason", error.get("reason").asText(), e.reason());
    }
    if (error.has("causes")) {
      TreeSet<String> want = new TreeSet<>();
      error.get("causes").forEach(c -> want.add(c.get("field").asText() + " " + c.get("type").asText()));
      TreeSet<String> got = new TreeSet<>();
      for (StatusCause c : e.causes()) {
        got.add(c.field() + " " + c.type());
      }
      if (!want.equals(got)) {
        m.add("causes " + Texts.list(want), "causes " + Texts.list(got));
      }
    }
    if (error.has("messageContains")) {
      String part = error.get("messageContains").asText();
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (!message.contains(part)) {
        m.add("message containing " + Texts.quote(part), "message " + Texts.quote(message));
      }
    }
    return m.outcome();
  }
}
