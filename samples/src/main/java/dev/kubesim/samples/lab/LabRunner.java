package dev.kubesim.samples.lab;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs lab lines against a cluster and prints them as a terminal would show them: {@code $ } and
 * the command, then what kubectl printed. Manifest names after {@code -f} are looked up through a
 * resolver first (the built-in labs ship theirs on the classpath).
 */
public final class LabRunner {
  private static final Pattern FILE_FLAG = Pattern.compile("(^|\\s)(-f|--filename)(\\s+|=)(\\S+)");
  private static final Pattern ADVANCE = Pattern.compile("advance\\s+(\\d+)(ms|s|m|h)");

  private final SimCluster cluster;
  private final Function<String, Optional<String>> files;
  private final PrintStream out;
  private int failures;

  /**
   * @param files maps a manifest name given after {@code -f} to its text, or empty to let kubectl
   *     read the path itself
   */
  public LabRunner(SimCluster cluster, Function<String, Optional<String>> files, PrintStream out) {
    this.cluster = cluster;
    this.files = files;
    this.out = out;
  }

  /** Runs every line of a script; returns the number of commands that failed. */
  public int run(LabScript script) {
    for (String line : script.lines()) {
      runLine(line);
    }
    return failures;
  }

  /** Runs one line: a comment is printed, {@code advance} moves time, anything else is kubectl. */
  public void runLine(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return;
    }
    if (trimmed.startsWith("#")) {
      out.println(trimmed);
      return;
    }
    Matcher advance = ADVANCE.matcher(trimmed);
    if (advance.matches()) {
      Duration d = parseDuration(Long.parseLong(advance.group(1)), advance.group(2));
      cluster.advance(d);
      out.println("# ... " + advance.group(1) + advance.group(2) + " later");
      out.println();
      return;
    }
    String command = trimmed.startsWith("kubectl ") ? trimmed : "kubectl " + trimmed;
    out.println("$ " + command);
    KubectlResult result = run(command);
    out.print(result.stdout());
    out.print(result.stderr());
    if (!result.succeeded()) {
      failures++;
    }
    out.println();
  }

  private KubectlResult run(String command) {
    Matcher m = FILE_FLAG.matcher(command);
    if (m.find() && !m.group(4).equals("-")) {
      Optional<String> text = files.apply(m.group(4));
      if (text.isPresent()) {
        String rewritten = command.substring(0, m.start(4)) + "-" + command.substring(m.end(4));
        return cluster.kubectl(rewritten, text.get());
      }
    }
    return cluster.kubectl(command);
  }

  static Duration parseDuration(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }
}
