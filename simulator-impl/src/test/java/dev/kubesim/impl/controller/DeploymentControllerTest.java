package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.impl.TestEngine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentControllerTest {
  private static final String DEPLOY = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 4
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: 'nginx:1.26'}]}
      """;

  private TestEngine engine;

  @BeforeEach
  void setUp() {
    engine = new TestEngine(1);
    ReplicaManager.replicaSets(engine.api);
    DeploymentController.start(engine.api);
    GarbageCollector.start(engine.api);
  }

  private List<ReplicaSet> replicaSets() {
    return engine.api.list(ReplicaSet.KIND, Optional.of("default")).stream().map(ReplicaSet.class::cast).toList();
  }

  @Test
  void deploymentOwnsAReplicaSetNamedByTheTemplateHash() {
    engine.create(DEPLOY);
    engine.loop.settle();
    assertThat(replicaSets()).singleElement().satisfies(rs -> {
      String hash = rs.metadata().labels().get(Deployment.POD_TEMPLATE_HASH_LABEL);
      assertThat(rs.metadata().nameOrEmpty()).isEqualTo("web-" + hash);
      assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
      assertThat(rs.spec().orElseThrow().replicas()).contains(4);
      assertThat(rs.metadata().annotations()).containsEntry(Deployment.REVISION_ANNOTATION, "1");
    });
    assertThat(engine.api.list(Pod.KIND, Optional.of("default"))).hasSize(4);
  }

  @Test
  void aTemplateChangeStartsANewReplicaSetWithinSurge() {
    engine.create(DEPLOY);
    engine.loop.settle();
    Deployment d = (Deployment) engine.api.get(Deployment.KIND, "default", "web").orElseThrow();
    PodTemplateSpec t = d.spec().orElseThrow().template().orElseThrow();
    var container = t.specOrEmpty().containers().get(0).toBuilder().image("nginx:1.27").build();
    PodTemplateSpec changed = t.withSpec(t.specOrEmpty().toBuilder().containers(List.of(container)).build());
    engine.api.update(d.withSpec(d.spec().orElseThrow().withTemplate(changed)));
    engine.loop.settle();
    // No pod is ever available here (no kubelet), so the rollout stops at the surge: 4 old + 1 new.
    assertThat(replicaSets()).hasSize(2);
    int total = replicaSets().stream().mapToInt(rs -> rs.spec().orElseThrow().replicas().orElse(0)).sum();
    assertThat(total).isLessThanOrEqualTo(5);
    assertThat(replicaSets()).anySatisfy(rs -> assertThat(rs.metadata().annotations()).containsEntry(Deployment.REVISION_ANNOTATION, "2"));
  }

  @Test
  void sameTemplateGivesTheSameHash() {
    Deployment d = engine.create(DEPLOY);
    PodTemplateSpec t = d.spec().orElseThrow().template().orElseThrow();
    assertThat(PodTemplateHash.of(t, 0)).isEqualTo(PodTemplateHash.of(t, 0)).isNotEqualTo(PodTemplateHash.of(t, 1));
  }
}
