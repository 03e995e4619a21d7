package dev.kubesim.assertj;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Trace;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * Assertions on an {@link ExecResult}: the exit code, the output and the trace of the command's
 * requests. A failure shows the command's streams and, when it sent something, its rendered trace.
 */
public final class ExecResultAssert extends AbstractObjectAssert<ExecResultAssert, ExecResult> {
  ExecResultAssert(ExecResult actual) {
    super(actual, ExecResultAssert.class);
  }

  /**
   * The command exited 0.
   *
   * @return this assertion, for chaining
   */
  public ExecResultAssert succeeded() {
    isNotNull();
    if (actual.exitCode() != 0) {
      fail("to succeed (exit code 0)", "exit code " + actual.exitCode());
    }
    return this;
  }

  /**
   * The command exited with this code.
   *
   * @param exitCode the command's exit code, as a shell's {@code $?} shows it
   * @return this assertion, for chaining
   */
  public ExecResultAssert failedWithExitCode(int exitCode) {
    isNotNull();
    if (actual.exitCode() != exitCode) {
      fail("to exit with code " + exitCode, "exit code " + actual.exitCode());
    }
    return this;
  }

  /**
   * Standard output is exactly this.
   *
   * @param expected the whole expected standard output
   * @return this assertion, for chaining
   */
  public ExecResultAssert hasStdout(String expected) {
    isNotNull();
    if (!actual.stdout().equals(expected)) {
      fail("standard output to be " + quoted(expected), quoted(actual.stdout()));
    }
    return this;
  }

  /**
   * Standard output contains every one of these.
   *
   * @param values the texts to find
   * @return this assertion, for chaining
   */
  public ExecResultAssert stdoutContains(CharSequence... values) {
    isNotNull();
    for (CharSequence v : values) {
      if (!actual.stdout().contains(v)) {
        fail("standard output to contain " + quoted(v.toString()), quoted(actual.stdout()));
      }
    }
    return this;
  }

  /**
   * Standard error contains every one of these.
   *
   * @param values the texts to find
   * @return this assertion, for chaining
   */
  public ExecResultAssert stderrContains(CharSequence... values) {
    isNotNull();
    for (CharSequence v : values) {
      if (!actual.stderr().contains(v)) {
        fail("standard error to contain " + quoted(v.toString()), quoted(actual.stderr()));
      }
    }
    return this;
  }

  /**
   * The command sent something over the network: assertions on its trace.
   *
   * @return assertions on the command's trace
   */
  public TraceAssert hasTraceThat() {
    isNotNull();
    if (actual.trace().isEmpty()) {
      fail("a trace (a request sent over the network)", "no trace: the command sent nothing");
    }
    TraceAssert trace = new TraceAssert(actual.trace().get());
    return info.hasDescription() ? trace.as(info.description()) : trace;
  }

  private void fail(String expected, String butWas) {
    StringBuilder m = new StringBuilder("\nExpecting command result:\n  exit code ").append(actual.exitCode())
        .append(", stdout ").append(quoted(actual.stdout())).append(", stderr ").append(quoted(actual.stderr()))
        .append("\nto have ").append(expected).append("\nbut was:\n  ").append(butWas);
    actual.trace().map(Trace::render).ifPresent(t -> m.append("\n\n").append(t));
    failWithMessage("%s", m.toString());
  }

  private static String quoted(String s) {
    return '"' + s.replace("\n", "\\n") + '"';
  }
}
