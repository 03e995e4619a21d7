package dev.kubesim.samples.web;

import java.util.List;
import java.util.Optional;

/**
 * Where a student stands in a built-in lab, for the lab pane.
 *
 * @param name the lab's name
 * @param step the number of steps already run
 * @param total the number of steps
 * @param explanation the narration of the step to come, empty at the end
 * @param command the command of the step to come, empty at the end or for closing narration
 */
public record LabProgress(String name, int step, int total, List<String> explanation, Optional<String> command) {
  public LabProgress {
    explanation = List.copyOf(explanation);
  }

  /** The progress of a lab whose first {@code done} steps have run. */
  public static LabProgress of(LabSteps lab, int done) {
    if (done >= lab.steps().size()) {
      return new LabProgress(lab.name(), done, lab.steps().size(), List.of(), Optional.empty());
    }
    LabSteps.Step next = lab.steps().get(done);
    return new LabProgress(lab.name(), done, lab.steps().size(), next.explanation(), next.command());
  }

  /** Whether every step has run. */
  public boolean finished() {
    return step >= total;
  }
}
