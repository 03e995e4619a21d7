package dev.kubesim.api;

/**
 * What a kubectl command printed and its exit code.
 *
 * @param stdout standard output
 * @param stderr standard error (kubectl's {@code Error from server ...} lines, warnings)
 * @param exitCode 0 on success, 1 on an error as kubectl exits ({@code kubectl exec} exits with the
 *     command's own non-zero code)
 */
public record KubectlResult(String stdout, String stderr, int exitCode) {
  /** {@return standard output followed by standard error, as a terminal would show them} */
  public String output() {
    return stdout + stderr;
  }

  /** {@return whether kubectl exited with 0} */
  public boolean succeeded() {
    return exitCode == 0;
  }
}
