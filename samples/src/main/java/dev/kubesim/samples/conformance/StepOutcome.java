package dev.kubesim.samples.conformance;

/**
 * Whether a step met its expectation and, if not, why: {@code <expected> / <actual>}.
 *
 * @param passed whether the step passed
 * @param message for a failure, what was expected and what happened, separated by {@code " / "}
 */
record StepOutcome(boolean passed, String message) {
  static final StepOutcome PASSED = new StepOutcome(true, "");

  static StepOutcome failed(String expected, String actual) {
    return new StepOutcome(false, expected + " / " + actual);
  }
}
