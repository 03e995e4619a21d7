package dev.kubesim.impl.kubectl;

/**
 * A failure kubectl reports on standard error before exiting with code 1. The message is the
 * complete text kubectl prints (for instance {@code error: unknown flag: --foo} followed by the
 * usage hint), without the final newline.
 */
final class KubectlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private KubectlException(String message) {
    super(message);
  }

  /** A message printed exactly as given. */
  static KubectlException raw(String message) {
    return new KubectlException(message);
  }

  /** kubectl's {@code CheckErr} for a plain error: {@code error: <message>}. */
  static KubectlException error(String message) {
    return new KubectlException(message.startsWith("error: ") ? message : "error: " + message);
  }

  /** {@code cmdutil.UsageErrorf}: the message and {@code See 'kubectl <command> -h' for help and examples}. */
  static KubectlException usageErrorf(String message, String commandPath) {
    return new KubectlException("error: " + message + "\nSee 'kubectl " + commandPath + " -h' for help and examples");
  }

  /**
   * A cobra usage error (an unknown flag, a flag without its value, a value that does not parse):
   * {@code Error: <message>} and the hint pointing at the command's help.
   */
  static KubectlException usage(String message, String commandPath) {
    return new KubectlException(
        "Error: " + message + "\nSee 'kubectl " + commandPath + " --help' for usage.");
  }
}
