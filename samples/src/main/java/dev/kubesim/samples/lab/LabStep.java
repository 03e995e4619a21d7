package dev.kubesim.samples.lab;

import java.util.List;

/**
 * One step of a lab file: its explanation, then either commands kubesim runs or a task the student
 * solves their own way, and the checks that say whether the step's goal holds.
 *
 * @param line the 1-based line of the step's first block, for reports
 * @param explanation the prose before the step's block, one line each (blank lines kept between paragraphs)
 * @param commands the lines of a {@code kubesim} block, empty for a task
 * @param task what a {@code task} block asks the student to achieve, empty for a command step
 * @param solution the lines of a task's {@code solution} block, which {@code kubesim lab NAME} runs
 *     in the student's place; empty when the lab gives none
 * @param checks the step's checks, in file order
 */
public record LabStep(int line, List<String> explanation, List<String> commands, List<String> task,
    List<String> solution, List<LabCheck> checks) {
  /** Copies the lists immutable. */
  public LabStep {
    explanation = List.copyOf(explanation);
    commands = List.copyOf(commands);
    task = List.copyOf(task);
    solution = List.copyOf(solution);
    checks = List.copyOf(checks);
  }

  /** Whether the student solves this step their own way (a {@code task} block) instead of running given commands. */
  public boolean isTask() {
    return !task.isEmpty();
  }
}
