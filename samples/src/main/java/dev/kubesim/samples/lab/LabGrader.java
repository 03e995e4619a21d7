package dev.kubesim.samples.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Grades a submitted command history against a lab file's tasks: runs every line of the history (the
 * whole session, the lab's own commands included) on the player's fresh cluster, then evaluates the
 * checks of every task at that one instant, and reports each task's checks and the score. The checks
 * of command steps verify the lab itself as it is walked through; they are not graded.
 */
public final class LabGrader {
  private final LabFile lab;
  private final LabPlayer player;

  /**
   * A grader of histories against a lab's tasks.
   *
   * @param lab the lab whose checks grade
   * @param player runs the history on a fresh cluster (its transcript is not part of the report)
   */
  public LabGrader(LabFile lab, LabPlayer player) {
    this.lab = lab;
    this.player = player;
  }

  /**
   * The report of a history: a header, each task and its checks' results, then {@code score: N/M
   * checks passed}.
   *
   * @param history the lines the student typed, in order
   */
  public Report grade(List<String> history) {
    history.forEach(player::run);
    player.endOfInput();
    StringBuilder text = new StringBuilder();
    text.append("lab: ").append(lab.title()).append('\n');
    text.append("history: ").append(history.stream().filter(l -> !l.isBlank()).count()).append(" lines\n");
    List<CheckResult> all = new ArrayList<>();
    List<LabStep> steps = lab.steps();
    for (int i = 0; i < steps.size(); i++) {
      LabStep step = steps.get(i);
      if (!step.isTask()) {
        continue;
      }
      text.append('\n').append("step ").append(i + 1).append(", task: ").append(String.join(" ", step.task())).append('\n');
      for (CheckResult r : player.check(step.checks())) {
        text.append("  ").append(r.line()).append('\n');
        all.add(r);
      }
    }
    long passed = all.stream().filter(CheckResult::passed).count();
    text.append('\n').append("score: ").append(passed).append('/').append(all.size()).append(" checks passed\n");
    return new Report(text.toString(), passed == all.size());
  }

  /**
   * A grading's outcome.
   *
   * @param text the report, as printed
   * @param allPassed whether every check passed
   */
  public record Report(String text, boolean allPassed) {}
}
