package dev.kubesim.impl.program;

import dev.kubesim.api.trace.Trace;
import java.util.Optional;

/** A shell in a container that kubectl is attached to, reading the lines typed at the terminal. */
public interface AttachedShell {
  /**
   * One typed line.
   *
   * @param line what the terminal shows for it, with its status and time
   * @param trace what it sent over the network, if anything
   */
  record Typed(ShellSession.Line line, Optional<Trace> trace) {}

  /** Whether a terminal is attached (the shell is interactive). */
  boolean terminal();

  /** The prompt before the next line; empty without a terminal. */
  String prompt();

  /** Whether the shell still reads lines. */
  boolean isOpen();

  /** Runs one typed line in the shell. */
  Typed type(String line);

  /** Ends the input (Ctrl-D): what the terminal shows then. */
  ShellSession.Line endOfInput();

  /** The shell's exit status once it has ended. */
  Optional<Integer> exitCode();
}
