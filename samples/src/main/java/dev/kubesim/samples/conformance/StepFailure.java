package dev.kubesim.samples.conformance;

/**
 * Ends a step early with a failure (an unresolvable reference, no pod matching a selector, an
 * invalid regular expression), carrying what was expected and what was found.
 */
final class StepFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String actual;

  StepFailure(String expected, String actual) {
    super(expected + " / " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  StepOutcome outcome() {
    return StepOutcome.failed(expected, actual);
  }
}
