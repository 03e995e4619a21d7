package dev.kubesim.assertj;

import dev.kubesim.api.DeploymentView;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.ServiceView;

/**
 * AssertJ entry points for the cluster's views and results: {@code assertThat(cluster.service("default",
 * "orders")).hasReadyEndpoints(2)}, {@code assertThat(cluster.http("default/client",
 * "http://orders/")).hasStatus(200).answeredByPodOf("orders")}. Needs {@code org.assertj:assertj-core}
 * on the test class path.
 */
public final class ClusterAssertions {
  private ClusterAssertions() {}

  /** Assertions on a Service's view. */
  public static ServiceViewAssert assertThat(ServiceView actual) {
    return new ServiceViewAssert(actual);
  }

  /** Assertions on a Deployment's view. */
  public static DeploymentViewAssert assertThat(DeploymentView actual) {
    return new DeploymentViewAssert(actual);
  }

  /** Assertions on an HTTP request's result. */
  public static HttpResultAssert assertThat(HttpResult actual) {
    return new HttpResultAssert(actual);
  }
}
