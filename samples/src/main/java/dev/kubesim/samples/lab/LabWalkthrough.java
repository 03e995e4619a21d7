package dev.kubesim.samples.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Walks through a lab file step by step: prints each step's explanation, runs a command step's
 * lines, and for a task either reads the student's lines until the step's checks pass (or the
 * student types {@code skip}), or, without a student, runs the lab's own solution; then prints
 * each check's result ({@code ✓ ...}, {@code ✗ ... (found ...)}).
 */
public final class LabWalkthrough {
  private final LabFile lab;
  private final LabPlayer player;
  private final PrintStream out;

  /**
   * A walk-through of a lab on the player's cluster.
   *
   * @param lab the lab to walk through
   * @param player runs the lines on the lab's cluster
   * @param out where the explanation and check results go (the player prints the transcript)
   */
  public LabWalkthrough(LabFile lab, LabPlayer player, PrintStream out) {
    this.lab = lab;
    this.player = player;
    this.out = out;
  }

  /**
   * Runs every step, each task with the lab's solution (as {@code kubesim lab NAME} shows a lab).
   *
   * @return the number of checks that failed
   */
  public int demonstrate() {
    return walk(Optional.empty(), false);
  }

  /**
   * Runs every step, each task with the lines the student types.
   *
   * @param student the student's lines
   * @param prompt whether to print the prompt before reading a line (at a terminal)
   * @return the number of checks that failed when last evaluated; a lab left before its end counts
   *     the checks of the steps not reached as failed
   */
  public int withStudent(BufferedReader student, boolean prompt) {
    return walk(Optional.of(student), prompt);
  }

  private int walk(Optional<BufferedReader> student, boolean prompt) {
    out.println("# " + lab.title());
    out.println();
    int failed = 0;
    List<LabStep> steps = lab.steps();
    for (int i = 0; i < steps.size(); i++) {
      LabStep step = steps.get(i);
      step.explanation().forEach(out::println);
      if (!step.explanation().isEmpty()) {
        out.println();
      }
      Optional<List<CheckResult>> results = step.isTask() && student.isPresent()
          ? solveTask(step, student.get(), prompt)
          : Optional.of(runStep(step));
      if (results.isEmpty()) {
        player.endOfInput();
        return failed + steps.subList(i, steps.size()).stream().mapToInt(s -> s.checks().size()).sum();
      }
      failed += (int) results.get().stream().filter(r -> !r.passed()).count();
    }
    player.endOfInput();
    return failed;
  }

  /** A command step's lines, or a task's solution; then its checks. */
  private List<CheckResult> runStep(LabStep step) {
    printTask(step);
    step.commands().forEach(player::run);
    step.solution().forEach(player::run);
    return printChecks(step);
  }

  /** The student's lines until the checks pass or {@code skip}; empty when the student leaves the lab. */
  private Optional<List<CheckResult>> solveTask(LabStep step, BufferedReader student, boolean prompt) {
    printTask(step);
    while (true) {
      if (prompt) {
        out.print(player.prompt());
        out.flush();
      }
      String line = read(student);
      if (line == null || (!player.inContainerShell() && (line.strip().equals("exit") || line.strip().equals("quit")))) {
        return Optional.empty();
      }
      if (!player.inContainerShell() && line.strip().equals("skip")) {
        out.println("(skipped)");
        out.println();
        return Optional.of(player.check(step.checks()));
      }
      player.run(line);
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      List<CheckResult> results = printChecks(step);
      if (results.stream().allMatch(CheckResult::passed)) {
        return Optional.of(results);
      }
    }
  }

  private void printTask(LabStep step) {
    for (int i = 0; i < step.task().size(); i++) {
      out.println((i == 0 ? "Task: " : "      ") + step.task().get(i));
    }
    if (step.isTask()) {
      out.println();
    }
  }

  private List<CheckResult> printChecks(LabStep step) {
    List<CheckResult> results = player.check(step.checks());
    results.forEach(r -> out.println(r.line()));
    if (!results.isEmpty()) {
      out.println();
    }
    return results;
  }

  private static String read(BufferedReader in) {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
