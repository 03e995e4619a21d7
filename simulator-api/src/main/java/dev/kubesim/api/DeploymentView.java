package dev.kubesim.api;

import java.util.List;
import java.util.Objects;

/**
 * What a test usually asks of a Deployment, read at one instant. Obtained from {@link
 * Cluster#deployment(String, String)}; it does not change when the cluster does (ask again).
 *
 * @param ref the Deployment
 * @param replicas the desired replicas ({@code spec.replicas})
 * @param readyReplicas {@code status.readyReplicas}
 * @param updatedReplicas {@code status.updatedReplicas}
 * @param availableReplicas {@code status.availableReplicas}
 * @param pods the pods its ReplicaSets own, not terminating, in name order
 */
public record DeploymentView(ObjectRef ref, int replicas, int readyReplicas, int updatedReplicas, int availableReplicas,
    List<ObjectRef> pods) {
  /**
   * Checks that no field is {@code null}; the pods are copied immutable.
   *
   * @param ref the Deployment
   * @param replicas the desired replicas ({@code spec.replicas})
   * @param readyReplicas {@code status.readyReplicas}
   * @param updatedReplicas {@code status.updatedReplicas}
   * @param availableReplicas {@code status.availableReplicas}
   * @param pods the pods its ReplicaSets own, not terminating, in name order
   */
  public DeploymentView {
    Objects.requireNonNull(ref, "ref");
    pods = List.copyOf(pods);
  }

  /**
   * Whether every desired replica is updated, ready and available and no other pod runs, as {@code
   * rollout status} waits for.
   *
   * @return whether every desired replica is updated, ready and available and no other pod runs, as
   *     {@code rollout status} waits for
   */
  public boolean rolledOut() {
    return updatedReplicas == replicas && readyReplicas == replicas && availableReplicas == replicas && pods.size() == replicas;
  }

  @Override
  public String toString() {
    return "deployment " + ref.key() + " (" + readyReplicas + "/" + replicas + " ready, " + updatedReplicas + " updated, "
        + availableReplicas + " available, pods " + pods.stream().map(ObjectRef::name).toList() + ")";
  }
}
