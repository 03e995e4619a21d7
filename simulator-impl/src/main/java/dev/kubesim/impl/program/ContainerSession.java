package dev.kubesim.impl.program;

import java.util.List;
import java.util.Optional;

/**
 * A program in a container that reads the lines typed at an attached terminal, one at a time: a
 * shell ({@link ShellSession}), or a client's own prompt ({@code redis-cli}'s, {@link
 * RedisCliSession}).
 */
public interface ContainerSession {
  /** The container it runs in. */
  RunningContainer container();

  /** Whether a terminal is attached. */
  boolean terminal();

  /** Whether it still reads lines. */
  boolean isOpen();

  /** Its exit status, once it has ended. */
  Optional<Integer> exitStatus();

  /** Its container has stopped under it: it dies with it. */
  void containerStopped();

  /** The prompt before the next line; empty without a terminal or once it has ended. */
  String prompt();

  /** Runs one typed line. */
  ShellSession.Line run(String line);

  /** The end of its input (Ctrl-D). */
  ShellSession.Line endOfInput();

  /**
   * The session {@code argv} starts: a shell reading its input, or redis-cli's prompt; empty when
   * {@code argv} starts neither (it then runs as a plain exec).
   */
  static Optional<ContainerSession> open(RunningContainer container, List<String> argv, boolean terminal) {
    Optional<ContainerSession> shell = ShellSession.open(container, argv, terminal).map(s -> s);
    return shell.isPresent() ? shell : RedisCliSession.open(container, argv, terminal);
  }
}
