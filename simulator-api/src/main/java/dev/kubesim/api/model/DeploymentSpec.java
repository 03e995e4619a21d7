package dev.kubesim.api.model;

import java.util.Optional;

/** {@code spec} of a Deployment. */
public record DeploymentSpec(
    Optional<Integer> replicas,
    Optional<LabelSelector> selector,
    Optional<PodTemplateSpec> template,
    Optional<DeploymentStrategy> strategy,
    Optional<Integer> minReadySeconds,
    Optional<Integer> revisionHistoryLimit,
    Optional<Boolean> paused,
    Optional<Integer> progressDeadlineSeconds) {
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

  public DeploymentSpec withReplicas(Integer value) {
    return new DeploymentSpec(Optional.ofNullable(value), selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused, progressDeadlineSeconds);
  }

  public DeploymentSpec withSelector(LabelSelector value) {
    return new DeploymentSpec(replicas, Optional.ofNullable(value), template, strategy, minReadySeconds, revisionHistoryLimit, paused, progressDeadlineSeconds);
  }

  public DeploymentSpec withTemplate(PodTemplateSpec value) {
    return new DeploymentSpec(replicas, selector, Optional.ofNullable(value), strategy, minReadySeconds, revisionHistoryLimit, paused, progressDeadlineSeconds);
  }

  public DeploymentSpec withStrategy(DeploymentStrategy value) {
    return new DeploymentSpec(replicas, selector, template, Optional.ofNullable(value), minReadySeconds, revisionHistoryLimit, paused, progressDeadlineSeconds);
  }

  public DeploymentSpec withPaused(Boolean value) {
    return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, Optional.ofNullable(value), progressDeadlineSeconds);
  }
}
