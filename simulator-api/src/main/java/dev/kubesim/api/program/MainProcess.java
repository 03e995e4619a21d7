package dev.kubesim.api.program;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What a container's main process does once started: serve until it is signalled, or run a command
 * line through the container's userland (which ends, e.g. {@code sleep 3600}, or never does, e.g.
 * {@code sleep infinity}).
 *
 * @param serves whether the process is a server that runs until signalled
 * @param argv the command line to run when it is not a server
 */
public record MainProcess(boolean serves, List<String> argv) {
  /**
   * Copies the arguments immutable.
   *
   * @param serves whether the process is a server that runs until signalled
   * @param argv the command line to run when it is not a server
   */
  public MainProcess {
    argv = ImmutableList.copyOf(argv);
  }

  /**
   * A server: the process runs until it is signalled.
   *
   * @return the main process of a serving container
   */
  public static MainProcess serving() {
    return new MainProcess(true, List.of());
  }

  /**
   * A command that runs to its end; the container exits with its exit code.
   *
   * @param argv the command line
   * @return the main process that runs it
   */
  public static MainProcess command(List<String> argv) {
    return new MainProcess(false, argv);
  }
}
