package dev.kubesim.api.model;

import java.util.Optional;

/**
 * {@code spec} of a Deployment.
 *
 * @param replicas the desired number of pods (default 1)
 * @param selector the pods the Deployment owns; must match the template's labels
 * @param template the pods to create
 * @param strategy how pods are replaced on a change: {@code RollingUpdate} (default) or {@code
 *     Recreate}
 * @param minReadySeconds how long a new pod must be ready to count as available
 * @param revisionHistoryLimit how many old ReplicaSets are kept (default 10)
 * @param paused whether rollouts are paused
 * @param progressDeadlineSeconds after how long without progress the rollout is reported failed
 *     (default 600)
 */
public record DeploymentSpec(
    Optional<Integer> replicas,
    Optional<LabelSelector> selector,
    Optional<PodTemplateSpec> template,
    Optional<DeploymentStrategy> strategy,
    Optional<Integer> minReadySeconds,
    Optional<Integer> revisionHistoryLimit,
    Optional<Boolean> paused,
    Optional<Integer> progressDeadlineSeconds) {
  /**
   * Normalises the fields: absent values become empty optionals, lists and maps; lists and
   * maps are copied immutable, maps sorted by key as the API server serialises them.
   *
   * @param replicas the desired number of pods (default 1)
   * @param selector the pods the Deployment owns; must match the template's labels
   * @param template the pods to create
   * @param strategy how pods are replaced on a change: {@code RollingUpdate} (default) or {@code
   *     Recreate}
   * @param minReadySeconds how long a new pod must be ready to count as available
   * @param revisionHistoryLimit how many old ReplicaSets are kept (default 10)
   * @param paused whether rollouts are paused
   * @param progressDeadlineSeconds after how long without progress the rollout is reported failed
   *     (default 600)
   */
  public DeploymentSpec {
    replicas = Values.opt(replicas);
    selector = Values.opt(selector);
    template = Values.opt(template);
    strategy = Values.opt(strategy);
    minReadySeconds = Values.opt(minReadySeconds);
    revisionHistoryLimit = Values.opt(revisionHistoryLimit);
    paused = Values.opt(paused);
    progressDeadlineSeconds = Values.opt(progressDeadlineSeconds);
  }

  static DeploymentSpec empty() {
    return new DeploymentSpec(null, null, null, null, null, null, null, null);
  }

  /**
   * A copy with {@link #replicas()} replaced.
   *
   * @param value the new {@code replicas}
   * @return a copy of this {@code DeploymentSpec} with {@code replicas} set
   */
  public DeploymentSpec withReplicas(Integer value) {
    return new DeploymentSpec(Optional.ofNullable(value), selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused, progressDeadlineSeconds);
  }

  /**
   * A copy with {@link #selector()} replaced.
   *
   * @param value the new {@code selector}
   * @return a copy of this {@code DeploymentSpec} with {@code selector} set
   */
  public DeploymentSpec withSelector(LabelSelector value) {
    return new DeploymentSpec(replicas, Optional.ofNullable(value), template, strategy, minReadySeconds, revisionHistoryLimit, paused, progressDeadlineSeconds);
  }

  /**
   * A copy with {@link #template()} replaced.
   *
   * @param value the new {@code template}
   * @return a copy of this {@code DeploymentSpec} with {@code template} set
   */
  public DeploymentSpec withTemplate(PodTemplateSpec value) {
    return new DeploymentSpec(replicas, selector, Optional.ofNullable(value), strategy, minReadySeconds, revisionHistoryLimit, paused, progressDeadlineSeconds);
  }

  /**
   * A copy with {@link #strategy()} replaced.
   *
   * @param value the new {@code strategy}
   * @return a copy of this {@code DeploymentSpec} with {@code strategy} set
   */
  public DeploymentSpec withStrategy(DeploymentStrategy value) {
    return new DeploymentSpec(replicas, selector, template, Optional.ofNullable(value), minReadySeconds, revisionHistoryLimit, paused, progressDeadlineSeconds);
  }

  /**
   * A copy with {@link #paused()} replaced.
   *
   * @param value the new {@code paused}
   * @return a copy of this {@code DeploymentSpec} with {@code paused} set
   */
  public DeploymentSpec withPaused(Boolean value) {
    return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, Optional.ofNullable(value), progressDeadlineSeconds);
  }
}
