package dev.kubesim.assertj;

import dev.kubesim.api.DeploymentView;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.ServiceView;
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

  /**
   * Assertions on what a command printed, how it exited and what its requests did.
   *
   * @param actual the value under test
   * @return an assertion on the result
   */
  public static ExecResultAssert assertThat(ExecResult actual) {
    return new ExecResultAssert(actual);
  }

  /**
   * Assertions on a trace: how the request ended, the names it resolved, the Services, pods and
   * nodes on its way.
   *
   * @param actual the value under test
   * @return an assertion on the trace
   */
  public static TraceAssert assertThat(Trace actual) {
    return new TraceAssert(actual);
  }

  /**
   * Assertions on a Service's view: its ClusterIP, ports and ready endpoints.
   *
   * @param actual the value under test
   * @return an assertion on the view
   */
  public static ServiceViewAssert assertThat(ServiceView actual) {
    return new ServiceViewAssert(actual);
  }

  /**
   * Assertions on a Deployment's view: its replicas and ready replicas.
   *
   * @param actual the value under test
   * @return an assertion on the view
   */
  public static DeploymentViewAssert assertThat(DeploymentView actual) {
    return new DeploymentViewAssert(actual);
  }

  /**
   * Assertions on an HTTP request's result: status, headers, body and the pod that answered.
   *
   * @param actual the value under test
   * @return an assertion on the result
   */
  public static HttpResultAssert assertThat(HttpResult actual) {
    return new HttpResultAssert(actual);
  }
}
