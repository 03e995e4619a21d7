package dev.kubesim.impl.program;

import dev.kubesim.api.ExecResult;
import java.util.List;

/**
 * A program in a container's {@code PATH} ({@code ls}, {@code cat}, later {@code curl}): runs with
 * its arguments and returns what it printed and its exit status. Commands are registered by name in
 * a {@link CommandRegistry}; an image has a command where its files hold an executable of that name.
 */
@FunctionalInterface
public interface Command {
  /**
   * Runs the command.
   *
   * @param args the arguments after the command name ({@code argv[1..]}); the name as invoked is
   *     {@link ExecContext#argv0()}
   */
  ExecResult run(List<String> args, ExecContext ctx);
}
