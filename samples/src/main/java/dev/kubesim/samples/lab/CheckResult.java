package dev.kubesim.samples.lab;

/**
 * The outcome of one check.
 *
 * @param check the check as the lab file writes it
 * @param passed whether it holds
 * @param found what the cluster (or the output) showed instead, for a failed check
 */
public record CheckResult(String check, boolean passed, String found) {
  /** A passing or failing result of a check, with what was found. */
  public static CheckResult of(LabCheck check, boolean passed, String found) {
    return new CheckResult(check.text(), passed, found);
  }

  /** {@code ✓ CHECK}, or {@code ✗ CHECK (found WHAT)}. */
  public String line() {
    return passed ? "✓ " + check : "✗ " + check + " (found " + found + ")";
  }
}
