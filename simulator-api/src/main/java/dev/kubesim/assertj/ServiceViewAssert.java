package dev.kubesim.assertj;

import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.ServiceView;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link ServiceView}; failure messages show the Service's state. */
public final class ServiceViewAssert extends AbstractAssert<ServiceViewAssert, ServiceView> {
  ServiceViewAssert(ServiceView actual) {
    super(actual, ServiceViewAssert.class);
  }

  /**
   * The Service has exactly this many ready endpoints.
   *
   * @param expected the expected number of ready endpoints
   * @return this assertion, for chaining
   */
  public ServiceViewAssert hasReadyEndpoints(int expected) {
    isNotNull();
    if (actual.readyEndpoints().size() != expected) {
      failWithMessage("Expecting %s to have %d ready endpoints but was %d: %s", actual.ref(), expected,
          actual.readyEndpoints().size(), actual.readyEndpoints());
    }
    return this;
  }

  /**
   * The Service has no ready endpoint.
   *
   * @return this assertion, for chaining
   */
  public ServiceViewAssert hasNoReadyEndpoints() {
    return hasReadyEndpoints(0);
  }

  /**
   * The pod is among the Service's ready endpoints.
   *
   * @param pod the pod, as {@code namespace/name} or, in {@code default}, by its name
   * @return this assertion, for chaining
   */
  public ServiceViewAssert hasReadyEndpointOn(ObjectRef pod) {
    isNotNull();
    if (!actual.readyPods().contains(pod)) {
      failWithMessage("Expecting %s to have a ready endpoint on %s but was %s", actual.ref(), pod, actual.readyEndpoints());
    }
    return this;
  }

  /**
   * The Service has a cluster IP (it is neither headless nor {@code ExternalName}).
   *
   * @return this assertion, for chaining
   */
  public ServiceViewAssert hasClusterIP() {
    isNotNull();
    if (!actual.hasClusterIP()) {
      failWithMessage("Expecting %s to have a cluster IP but was \"%s\" (type %s)", actual.ref(), actual.clusterIP(),
          actual.type());
    }
    return this;
  }

  /**
   * The Service is of this type ({@code ClusterIP}, {@code NodePort}, {@code LoadBalancer}, {@code
   * ExternalName}).
   *
   * @param expected the expected type
   * @return this assertion, for chaining
   */
  public ServiceViewAssert hasType(String expected) {
    isNotNull();
    if (!actual.type().equals(expected)) {
      failWithMessage("Expecting %s to be of type %s but was %s", actual.ref(), expected, actual.type());
    }
    return this;
  }

  /**
   * The cloud assigned the Service a load balancer address.
   *
   * @return this assertion, for chaining
   */
  public ServiceViewAssert hasLoadBalancerIP() {
    isNotNull();
    if (actual.loadBalancerIP().isEmpty()) {
      failWithMessage("Expecting %s to have a load balancer address but was none (type %s)", actual.ref(), actual.type());
    }
    return this;
  }
}
