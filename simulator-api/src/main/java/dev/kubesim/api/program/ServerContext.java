package dev.kubesim.api.program;

import dev.kubesim.api.ExecResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a container's server can see and do while it answers a request: the pod it runs in, the
 * simulation's clock, the container's files and its own state.
 */
public interface ServerContext {
  /**
   * The container's hostname ({@code os.hostname()}): the pod's hostname.
   *
   * @return the container's hostname ({@code os.hostname()}): the pod's hostname
   */
  String hostname();

  /**
   * The pod's name ({@code metadata.name}).
   *
   * @return the pod's name
   */
  String podName();

  /**
   * The pod's namespace.
   *
   * @return the namespace's name
   */
  String namespace();

  /**
   * The pod's (first) IP.
   *
   * @return the pod's (first) IP
   */
  String podIp();

  /**
   * The process environment, read-only, in the order {@code env} prints it.
   *
   * @return the process environment, read-only, in the order {@code env} prints it
   */
  Map<String, String> env();

  /**
   * The current virtual instant; never the wall clock.
   *
   * @return the current virtual instant; never the wall clock
   */
  Instant now();

  /**
   * The virtual instant the container's main process started.
   *
   * @return the virtual instant the container's main process started
   */
  Instant startedAt();

  /**
   * Requests this container has received since it started, the one being answered included.
   *
   * @return how many requests this container has received since it started, the one being answered
   *     included
   */
  long requestCount();

  /**
   * Mutable state of this container that outlives a request and is lost when the container
   * restarts (as a process's memory is). Iteration follows insertion order.
   *
   * @return the container's mutable state, kept between requests
   */
  Map<String, Object> state();

  /**
   * A file's content in the container, or empty where there is no such regular file.
   *
   * @param path an absolute path in the container's file system
   * @return a file's content in the container, or empty where there is no such regular file
   */
  Optional<String> readFile(String path);

  /**
   * When a file or directory in the container was last modified, or empty where none exists.
   *
   * @param path an absolute path in the container's file system
   * @return when a file or directory in the container was last modified, or empty where none exists
   */
  Optional<Instant> lastModified(String path);

  /**
   * Whether a directory exists at this path in the container.
   *
   * @param path an absolute path in the container's file system
   * @return whether a directory exists at this path in the container
   */
  boolean isDirectory(String path);

  /**
   * The names in a directory of the container, in byte order, without {@code .} and {@code ..};
   * empty where there is no such directory (what a server's directory listing reads).
   *
   * @param path the directory's absolute path in the container
   * @return the names, in byte order
   */
  default List<String> listDirectory(String path) {
    return List.of();
  }

  /**
   * Runs a command in the container, as {@code exec} would (e.g. netexec's {@code /shell}).
   *
   * @param argv the command and its arguments
   * @return the command's output and exit code
   */
  ExecResult exec(List<String> argv);

  /**
   * Writes a line to the container's standard output, which {@code kubectl logs} shows.
   *
   * @param line one line of output, without its newline
   */
  void log(String line);

  /**
   * Asks the runtime to end the container's main process with this exit code after the response
   * is sent (e.g. netexec's {@code /exit}).
   *
   * @param exitCode the command's exit code, as a shell's {@code $?} shows it
   */
  void exit(int exitCode);
}
