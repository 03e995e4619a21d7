package dev.kubesim.samples.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the lab file format: the first non-blank line is the title ({@code # Title}); then prose,
 * and fenced blocks opened by {@code ```kubesim}, {@code ```task}, {@code ```solution} or {@code
 * ```check} and closed by {@code ```}. A step is the prose before a {@code kubesim} or {@code
 * task} block, that block, a {@code solution} block after a task, and the {@code check} blocks
 * after it (one check a line, {@code #} lines and blank lines ignored). Prose after the last block
 * is a closing step without commands.
 */
final class LabFileParser {
  private static final String FENCE = "```";

  private final String file;
  private final List<LabStep> steps = new ArrayList<>();
  private List<String> prose = new ArrayList<>();
  /** The step being built: its block is read, its checks may follow. */
  private Optional<Builder> open = Optional.empty();

  LabFileParser(String file) {
    this.file = file;
  }

  LabFile parse(String text) {
    List<String> lines = text.lines().toList();
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    if (i == lines.size() || !lines.get(i).startsWith("# ") || lines.get(i).substring(2).isBlank()) {
      throw new LabFormatException(file, Math.min(i + 1, Math.max(lines.size(), 1)),
          "a lab file starts with its title: # TITLE");
    }
    String title = lines.get(i).substring(2).strip();
    for (i++; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.strip().startsWith(FENCE)) {
        proseLine(line);
        continue;
      }
      int start = i + 1;
      String kind = line.strip().substring(FENCE.length()).strip();
      List<String> body = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).strip().equals(FENCE); i++) {
        body.add(lines.get(i));
      }
      if (i == lines.size()) {
        throw new LabFormatException(file, start, "the " + (kind.isEmpty() ? "" : kind + " ") + "block is not closed with ```");
      }
      block(kind, start, body);
    }
    closeStep();
    if (prose.stream().anyMatch(l -> !l.isBlank())) {
      steps.add(new LabStep(lines.size(), trim(prose), List.of(), List.of(), List.of(), List.of()));
    }
    return new LabFile(file, title, steps);
  }

  private void proseLine(String line) {
    if (open.isPresent() && !line.isBlank()) {
      closeStep(); // prose after a step's blocks begins the next step
    }
    prose.add(line.strip());
  }

  private void block(String kind, int line, List<String> body) {
    List<String> content = body.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    switch (kind) {
      case "kubesim", "task" -> {
        closeStep();
        if (content.isEmpty()) {
          throw new LabFormatException(file, line, "the " + kind + " block is empty");
        }
        Builder b = new Builder(line, trim(prose));
        prose = new ArrayList<>();
        if (kind.equals("task")) {
          b.task.addAll(content);
        } else {
          b.commands.addAll(content);
        }
        open = Optional.of(b);
      }
      case "solution" -> {
        Builder b = open.filter(s -> !s.task.isEmpty() && s.checks.isEmpty() && s.solution.isEmpty())
            .orElseThrow(() -> new LabFormatException(file, line, "a solution block belongs right after a task block"));
        b.solution.addAll(content);
      }
      case "check" -> {
        Builder b = open.orElseThrow(
            () -> new LabFormatException(file, line, "a check block belongs after a kubesim or task block"));
        for (int k = 0; k < body.size(); k++) {
          String check = body.get(k).strip();
          if (!check.isEmpty() && !check.startsWith("#")) {
            b.checks.add(LabChecks.parse(file, line + 1 + k, check));
          }
        }
      }
      default -> throw new LabFormatException(file, line,
          "unknown block \"" + kind + "\"; known: kubesim, task, solution, check");
    }
  }

  private void closeStep() {
    open.ifPresent(b -> {
      if (!b.task.isEmpty() && b.checks.isEmpty()) {
        throw new LabFormatException(file, b.line, "a task needs at least one check block, to know when it is done");
      }
      steps.add(new LabStep(b.line, b.explanation, b.commands, b.task, b.solution, b.checks));
    });
    open = Optional.empty();
  }

  /** The prose without leading and trailing blank lines. */
  private static List<String> trim(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return List.copyOf(lines.subList(from, to));
  }

  /** A step while its blocks are read. */
  private static final class Builder {
    final int line;
    final List<String> explanation;
    final List<String> commands = new ArrayList<>();
    final List<String> task = new ArrayList<>();
    final List<String> solution = new ArrayList<>();
    final List<LabCheck> checks = new ArrayList<>();

    Builder(int line, List<String> explanation) {
      this.line = line;
      this.explanation = explanation;
    }
  }
}
