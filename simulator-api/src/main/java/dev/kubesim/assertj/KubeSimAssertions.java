package dev.kubesim.assertj;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.trace.Trace;

/**
 * The entry point of kubesim's AssertJ assertions: one static {@code assertThat} for each kubesim
 * type, beside AssertJ's own {@code Assertions.assertThat}.
 *
 * <pre>{@code
 * assertThat(cluster.exec("default/client", "curl", "-s", "http://kubia"))
 *     .succeeded()
 *     .hasTraceThat()
 *     .resolvedName("kubia")
 *     .wasDnatedByService("default", "kubia")
 *     .answeredByPodMatching("kubia-");
 * }</pre>
 */
public final class KubeSimAssertions {
  private KubeSimAssertions() {}

  /** Assertions on what a command printed, how it exited and what its requests did. */
  public static ExecResultAssert assertThat(ExecResult actual) {
    return new ExecResultAssert(actual);
  }

  /** Assertions on a trace: how the request ended, the names it resolved, the Services, pods and nodes on its way. */
  public static TraceAssert assertThat(Trace actual) {
    return new TraceAssert(actual);
  }
}
