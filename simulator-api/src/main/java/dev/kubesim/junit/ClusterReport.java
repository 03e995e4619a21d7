package dev.kubesim.junit;

/**
 * The state of a test's cluster when the test failed, attached to the failure as a suppressed
 * exception: its message is the report (seed, virtual time, {@code kubectl get all -A}). It has no
 * stack trace of its own, so that build tools and IDEs print the report right under the failure's
 * own trace.
 */
public final class ClusterReport extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A report with this text.
   *
   * @param report the report, one section after another
   */
  public ClusterReport(String report) {
    super(report, null, false, false);
  }
}
