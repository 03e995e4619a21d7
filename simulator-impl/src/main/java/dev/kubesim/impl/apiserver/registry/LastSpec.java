package dev.kubesim.impl.apiserver.registry;

import java.util.function.Function;

/**
 * The result of a pure function of a pod spec for the last spec it was asked about. A controller
 * stamps its pods from one template in a burst, so consecutive creates carry equal specs; their
 * defaults and validation are computed once and shared, as the result for an equal input is equal.
 * One per API server (strategies are), so clusters never share it.
 */
final class LastSpec<I, O> {
  private final Function<I, O> compute;
  private I lastInput;
  private O lastOutput;

  LastSpec(Function<I, O> compute) {
    this.compute = compute;
  }

  /** {@code compute(input)}, reusing the previous result when {@code input} equals the previous input. */
  O apply(I input) {
    // Specs from one template share their lists and maps, so equals mostly compares references.
    if (lastInput == null || !lastInput.equals(input)) {
      lastOutput = compute.apply(input);
      lastInput = input;
    }
    return lastOutput;
  }
}
