package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** {@code expect.distinct: {min, max}}: how many different results the runs of a repeated step had. */
final class Distinct {
  private Distinct() {}

  /** Adds a mismatch when {@code count} different {@code what}s lie outside the bounds. */
  static void check(Optional<JsonNode> expect, int count, String what, Mismatches m) {
    JsonNode d = expect.map(e -> e.get("distinct")).orElse(null);
    if (d == null) {
      return;
    }
    Integer min = d.has("min") ? d.get("min").asInt() : null;
    Integer max = d.has("max") ? d.get("max").asInt() : null;
    if ((min != null && count < min) || (max != null && count > max)) {
      String bounds = min != null && max != null ? "between " + min + " and " + max
          : min != null ? "at least " + min : "at most " + max;
      m.add(bounds + " different " + what, count + " different " + what);
    }
  }
}
