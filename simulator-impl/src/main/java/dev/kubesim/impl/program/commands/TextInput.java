package dev.kubesim.impl.program.commands;

import dev.kubesim.impl.program.ExecContext;
import dev.kubesim.impl.program.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The input of a text filter ({@code sort}, {@code head}, {@code wc}...): its file operands, or
 * standard input when there are none or the operand is {@code -}, split into lines as the tools
 * read them (a last line without its newline is still a line).
 */
final class TextInput {
  private TextInput() {}

  /** The text of one operand, or empty when it cannot be read (the caller words the error). */
  static Optional<String> read(ExecContext ctx, String operand, StringBuilder err, String messageFormat) {
    if (operand.equals("-")) {
      return Optional.of(ctx.stdin());
    }
    try {
      return Optional.of(ctx.fs().read(ctx.resolve(operand)));
    } catch (FsException e) {
      err.append(messageFormat.formatted(ctx.programName(), operand, e.errno().message())).append('\n');
      return Optional.empty();
    }
  }

  /** The lines of a text, without their newlines. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (text.endsWith("\n") || text.isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** Lines joined back, each with its newline. */
  static String join(List<String> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  /** The operands, or standard input alone when there are none. */
  static List<String> operandsOrStdin(List<String> operands) {
    return operands.isEmpty() ? List.of("-") : operands;
  }
}
