package dev.kubesim.samples.web;

import dev.kubesim.samples.lab.LabFile;
import dev.kubesim.samples.lab.LabScript;
import dev.kubesim.samples.lab.LabStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lab cut into steps a student walks through: each step is the narration ({@code #} lines) that
 * leads up to one command, and the command; narration after the last command is a last step
 * without one.
 *
 * @param name the lab's name
 * @param steps the steps, in script order
 */
public record LabSteps(String name, List<Step> steps) {
  public LabSteps {
    steps = List.copyOf(steps);
  }

  /**
   * One step of a lab.
   *
   * @param explanation the narration before the command, its {@code #} marks removed, one line each
   * @param command the command the step runs, empty for closing narration
   */
  public record Step(List<String> explanation, Optional<String> command) {
    public Step {
      explanation = List.copyOf(explanation);
    }
  }

  /** Cuts a lab script into steps. */
  public static LabSteps of(LabScript script) {
    List<Step> steps = new ArrayList<>();
    List<String> narration = new ArrayList<>();
    for (String line : script.lines()) {
      if (line.startsWith("#")) {
        narration.add(line.substring(1).strip());
      } else {
        steps.add(new Step(narration, Optional.of(line)));
        narration.clear();
      }
    }
    if (!narration.isEmpty()) {
      steps.add(new Step(narration, Optional.empty()));
    }
    return new LabSteps(script.name(), steps);
  }

  /**
   * Cuts a lab file into steps: one for each line of a step's {@code kubesim} block (the first with
   * the step's explanation, the lab's title before the first step's), a task's explanation and {@code Task:} lines with the first line of
   * its solution (the rest of the solution as steps of their own), and closing prose as a step
   * without a command.
   */
  public static LabSteps of(LabFile lab) {
    List<Step> steps = new ArrayList<>();
    for (LabStep step : lab.steps()) {
      List<String> explanation = new ArrayList<>();
      if (steps.isEmpty()) {
        explanation.add(lab.title()); // the page has no other place for it
      }
      explanation.addAll(step.explanation().stream().filter(l -> !l.isBlank()).toList());
      step.task().forEach(l -> explanation.add("Task: " + l));
      List<String> commands = step.isTask() ? step.solution() : step.commands();
      if (commands.isEmpty()) {
        steps.add(new Step(explanation, Optional.empty()));
        continue;
      }
      for (int i = 0; i < commands.size(); i++) {
        steps.add(new Step(i == 0 ? explanation : List.of(), Optional.of(commands.get(i))));
      }
    }
    return new LabSteps(lab.name(), steps);
  }
}
