package dev.kubesim.samples.lab;

import dev.kubesim.api.Cluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a lab's lines on a cluster through a {@link LabRunner}, passing what it prints on, and keeps
 * what the last command line printed for the {@code output} checks; evaluates checks.
 */
public final class LabPlayer {
  private final Cluster cluster;
  private final LabRunner runner;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream out;
  private String lastOutput = "";

  /**
   * A player whose runner prints into a buffer the player passes on line by line.
   *
   * @param cluster the cluster the lines run on and checks look at
   * @param runnerPrintingTo makes the runner of the lines, printing to the stream it is given
   * @param out where the transcript goes
   */
  public LabPlayer(Cluster cluster, Function<PrintStream, LabRunner> runnerPrintingTo, PrintStream out) {
    this.cluster = cluster;
    this.runner = runnerPrintingTo.apply(new PrintStream(captured, true, StandardCharsets.UTF_8));
    this.out = out;
  }

  /** Runs one line as {@code kubesim shell} would and prints the transcript of it. */
  public void run(String line) {
    boolean command = !line.isBlank() && (runner.inContainerShell() || !line.strip().startsWith("#"));
    runner.runLine(line);
    String text = drain();
    out.print(text);
    if (command) {
      lastOutput = withoutEcho(text);
    }
  }

  /** The end of the input: an attached container shell exits. */
  public void endOfInput() {
    runner.endOfInput();
    out.print(drain());
  }

  /** What the terminal prompts with: the container shell's prompt while one is attached. */
  public String prompt() {
    return runner.prompt();
  }

  /** Whether a {@code kubectl exec -it}'s shell reads the next lines. */
  public boolean inContainerShell() {
    return runner.inContainerShell();
  }

  /** What the last command line printed, without the line that shows the command. */
  public String lastOutput() {
    return lastOutput;
  }

  /** Evaluates checks in order, at the cluster's current instant. */
  public List<CheckResult> check(List<LabCheck> checks) {
    CheckContext context = new CheckContext(cluster, lastOutput);
    return checks.stream().map(c -> c.evaluate(context)).toList();
  }

  private String drain() {
    String text = captured.toString(StandardCharsets.UTF_8);
    captured.reset();
    return text;
  }

  /** The transcript of a line without its first line, the {@code $ command} (or prompt and line) echo. */
  private static String withoutEcho(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? "" : text.substring(newline + 1);
  }
}
