package dev.kubesim.assertj;

import dev.kubesim.api.DeploymentView;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link DeploymentView}; failure messages show the Deployment's replicas and pods. */
public final class DeploymentViewAssert extends AbstractAssert<DeploymentViewAssert, DeploymentView> {
  DeploymentViewAssert(DeploymentView actual) {
    super(actual, DeploymentViewAssert.class);
  }

  /**
   * The Deployment reports exactly this many ready replicas.
   *
   * @param expected the expected number of ready replicas
   * @return this assertion, for chaining
   */
  public DeploymentViewAssert hasReadyReplicas(int expected) {
    isNotNull();
    if (actual.readyReplicas() != expected) {
      failWithMessage("Expecting %s to have %d ready replicas but was %d/%d ready (pods %s)", actual.ref(), expected,
          actual.readyReplicas(), actual.replicas(), actual.pods());
    }
    return this;
  }

  /**
   * Every desired replica is updated, ready and available, and no other pod runs.
   *
   * @return this assertion, for chaining
   */
  public DeploymentViewAssert isRolledOut() {
    isNotNull();
    if (!actual.rolledOut()) {
      failWithMessage("Expecting %s to be rolled out but was %s", actual.ref(), actual);
    }
    return this;
  }
}
