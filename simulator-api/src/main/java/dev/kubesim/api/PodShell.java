package dev.kubesim.api;

import java.util.Optional;

/**
 * An interactive shell in a container, as {@code kubectl exec -it POD -- bash} opens one: lines
 * typed at its prompt run one after another in the same shell process, which keeps its variables,
 * its working directory ({@code cd}) and {@code $?} from line to line. Obtained from {@link
 * Cluster#shell(String)}.
 *
 * <pre>{@code
 * try (PodShell sh = cluster.shell("kubia-3inly")) {
 *   sh.prompt();                          // "root@kubia-3inly:/# "
 *   sh.run("cd /tmp && URL=http://kubia");
 *   sh.run("curl -s $URL").stdout();      // "You've hit kubia-5asi2\n", run in /tmp
 *   sh.run("echo $?").stdout();           // "0\n"
 *   sh.run("exit 3").exitCode();          // 3; the shell has ended
 * }
 * }</pre>
 *
 * <p>The shell is interactive, on a terminal: its prompt is the image's ({@code root@HOST:/# } for
 * bash on Debian images, {@code # } for dash, {@code / # } for BusyBox and Alpine's ash); errors
 * name no line; a syntax error sets {@code $?} to 2 and the shell reads on; a command that would
 * never end by itself ({@code ping} without {@code -c}) is interrupted as Ctrl-C would after three
 * virtual seconds. What a line sends over the network is traced as any exec's ({@link
 * ExecResult#trace()}). Like {@link Cluster#exec}, a line never moves the cluster's clock: its
 * {@link ExecResult#elapsed()} says how long it would have taken. The methods take the cluster's
 * lock.
 */
public interface PodShell extends AutoCloseable {
  /** {@return the prompt the shell prints before it reads the next line; empty once it has ended} */
  String prompt();

  /**
   * Runs one line as typed at the prompt.
   *
   * @param line one command line, as typed at the prompt
   * @return what the line printed on standard output and standard error (a terminal shows both,
   *     interleaved), {@code $?} after it as the exit code — the shell's exit status when the line
   *     ended the shell ({@code exit 3}) — the virtual time it took, and its trace
   * @throws IllegalStateException when the shell has ended
   */
  ExecResult run(String line);

  /** {@return whether the shell still reads lines: false after {@code exit} or {@link #close()}} */
  boolean isOpen();

  /** {@return the shell's exit status, once it has ended (what {@code kubectl exec} exits with)} */
  Optional<Integer> exitCode();

  /**
   * Ends the input, as Ctrl-D does: the shell exits with the status of its last command. Nothing
   * happens when it has already ended.
   */
  @Override
  void close();
}
