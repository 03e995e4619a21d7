package dev.kubesim.samples.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * A lab in the lab file format (Markdown): a {@code # title}, then steps, each an explanation and a
 * fenced {@code kubesim} block (commands) or {@code task} block (a goal), followed by {@code check}
 * blocks. See {@link LabFileParser} for the grammar.
 *
 * @param name the file's name, as errors and reports name it
 * @param title the lab's title
 * @param steps the steps, in file order
 */
public record LabFile(String name, String title, List<LabStep> steps) {
  /** Copies the steps immutable. */
  public LabFile {
    steps = List.copyOf(steps);
  }

  /**
   * Parses a lab file.
   *
   * @throws LabFormatException naming the file and line of the first problem
   */
  public static LabFile parse(String name, String text) {
    return new LabFileParser(name).parse(text);
  }

  /** The number of checks in all steps. */
  public int checkCount() {
    return steps.stream().mapToInt(s -> s.checks().size()).sum();
  }

  /**
   * The lab as a flat script, as {@code kubesim run} reads one: the explanation as {@code #} lines,
   * the commands, a task as {@code # Task:} lines followed by its solution.
   */
  public LabScript toScript() {
    List<String> lines = new ArrayList<>();
    lines.add("# " + title);
    for (LabStep step : steps) {
      step.explanation().stream().filter(l -> !l.isBlank()).forEach(l -> lines.add("# " + l));
      step.task().forEach(l -> lines.add("# Task: " + l));
      lines.addAll(step.commands());
      lines.addAll(step.solution());
    }
    return new LabScript(name, lines);
  }
}
