package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One step of a scenario.
 *
 * @param index the 1-based position in {@code steps}
 * @param name the step's {@code name}, or {@code step <index>} when it has none
 * @param requires the features the step needs beyond the scenario's
 * @param verb the step's one verb; empty only when the step has problems
 * @param input the verb's value (a string or a mapping), references not yet substituted
 * @param expect what the step must answer; its presence makes the step a case
 * @param repeat how many times an {@code exec} or {@code http} step runs (1 without {@code repeat})
 * @param problems what is wrong with the step as written; when not empty, the step fails without running
 */
public record Step(
    int index,
    String name,
    List<String> requires,
    Optional<Verb> verb,
    JsonNode input,
    Optional<Expectation> expect,
    int repeat,
    List<String> problems) {
  public Step {
    requires = List.copyOf(requires);
    problems = List.copyOf(problems);
  }

  /** A copy with one more problem. */
  public Step withProblem(String problem) {
    List<String> more = new java.util.ArrayList<>(problems);
    more.add(problem);
    return new Step(index, name, requires, verb, input, expect, repeat, more);
  }

  /** Whether the step is one case of the report: it has an {@code expect}. */
  public boolean isCase() {
    return expect.isPresent();
  }
}
