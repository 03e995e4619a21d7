package dev.kubesim.samples.conformance;

import dev.kubesim.samples.conformance.ConformanceReport.CaseResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kubesim conformance PATH...}: runs scenario files and folders, prints one line per failed
 * or skipped case as each scenario finishes, then {@code N passed, M failed, K skipped}.
 */
public final class ConformanceCommand {
  private final ScenarioLoader loader = new ScenarioLoader();
  private final ScenarioRunner runner;

  /** A command running today's simulator. */
  public ConformanceCommand() {
    this(new ScenarioRunner(SimulatorTarget.FACTORY));
  }

  /** A command running scenarios with the given runner. */
  public ConformanceCommand(ScenarioRunner runner) {
    this.runner = runner;
  }

  /** Runs and prints; returns the exit code, 0 only when no case failed. */
  public int run(List<Path> pathsOrFolders, PrintStream out) {
    return execute(pathsOrFolders, out).exitCode();
  }

  /**
   * Runs and prints, returning every case's result. A path that does not exist is a failed case;
   * a scenario name already used by an earlier file makes the later scenario invalid, since case
   * ids must be unique.
   */
  public ConformanceReport execute(List<Path> pathsOrFolders, PrintStream out) {
    List<CaseResult> all = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Path path : pathsOrFolders) {
      if (!Files.exists(path)) {
        report(List.of(CaseResult.failed(CaseResult.id(path.toString(), "load"), "a scenario file or folder / not found")), all, out);
        continue;
      }
      for (Path file : ScenarioFiles.under(path)) {
        Scenario scenario = loader.load(file);
        String earlier = seen.putIfAbsent(scenario.name(), scenario.origin());
        if (earlier != null) {
          scenario = scenario.withProblem("name: " + scenario.name() + " is already the name of " + earlier);
        }
        report(runner.run(scenario), all, out);
      }
    }
    ConformanceReport report = new ConformanceReport(all);
    out.println(report.summary());
    return report;
  }

  private static void report(List<CaseResult> results, List<CaseResult> all, PrintStream out) {
    for (CaseResult r : results) {
      r.line().ifPresent(out::println);
    }
    all.addAll(results);
  }
}
