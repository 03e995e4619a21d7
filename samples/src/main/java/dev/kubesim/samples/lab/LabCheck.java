package dev.kubesim.samples.lab;

/** One line of a lab's {@code check} block: a statement about the cluster or the last output. */
public interface LabCheck {
  /** The check as the lab file writes it, as reports print it. */
  String text();

  /** Evaluates the check at the cluster's current instant; time does not move for it. */
  CheckResult evaluate(CheckContext context);
}
