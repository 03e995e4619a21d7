package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.impl.TestEngine;
import dev.kubesim.impl.apiserver.DeleteOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplicaManagerTest {
  private static final String RC = """
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: kubia}
      spec:
        replicas: 3
        selector: {app: kubia}
        template:
          metadata: {labels: {app: kubia}}
          spec: {containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]}
      """;

  private TestEngine engine;

  @BeforeEach
  void setUp() {
    engine = new TestEngine(1);
    ReplicaManager.replicationControllers(engine.api);
    GarbageCollector.start(engine.api);
  }

  private List<Pod> pods() {
    return engine.api.list(Pod.KIND, Optional.of("default")).stream().map(Pod.class::cast).toList();
  }

  private ReplicationController rc() {
    return (ReplicationController) engine.api.get("ReplicationController", "default", "kubia").orElseThrow();
  }

  @Test
  void createsReplicasWithGeneratedNamesAndControllerReferences() {
    engine.create(RC);
    engine.loop.settle();
    assertThat(pods()).hasSize(3).allSatisfy(p -> {
      assertThat(p.metadata().nameOrEmpty()).matches("kubia-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(p.metadata().controllerRef().orElseThrow().name()).isEqualTo("kubia");
      assertThat(p.metadata().controllerRef().orElseThrow().blockOwnerDeletion()).contains(true);
      assertThat(p.metadata().labels()).containsEntry("app", "kubia");
    });
    assertThat(rc().status().orElseThrow().replicas()).contains(3);
  }

  @Test
  void adoptsAMatchingOrphanAndCreatesOnlyTheRest() {
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: kubia-manual, labels: {app: kubia}}, spec: {containers: [{name: a, image: luksa/kubia}]}}");
    engine.create(RC);
    engine.loop.settle();
    assertThat(pods()).hasSize(3);
    Pod manual = (Pod) engine.api.get(Pod.KIND, "default", "kubia-manual").orElseThrow();
    assertThat(manual.metadata().controllerRef().orElseThrow().kind()).isEqualTo("ReplicationController");
  }

  @Test
  void deletedPodIsReplacedWithANewName() {
    engine.create(RC);
    engine.loop.settle();
    String victim = pods().get(0).metadata().nameOrEmpty();
    engine.api.delete(Pod.KIND, "default", victim);
    engine.loop.settle();
    assertThat(pods()).hasSize(3).extracting(p -> p.metadata().nameOrEmpty()).doesNotContain(victim);
  }

  @Test
  void podWhoseLabelsStopMatchingIsReleasedAndReplaced() {
    engine.create(RC);
    engine.loop.settle();
    Pod pod = pods().get(0);
    engine.api.write(pod.withMetadata(pod.metadata().toBuilder().labels(java.util.Map.of("app", "foo")).build()));
    engine.loop.settle();
    assertThat(pods()).hasSize(4);
    Pod released = (Pod) engine.api.get(Pod.KIND, "default", pod.metadata().nameOrEmpty()).orElseThrow();
    assertThat(released.metadata().ownerReferences()).isEmpty();
  }

  @Test
  void scaleDownRemovesPodsAndStatusFollows() {
    engine.create(RC);
    engine.loop.settle();
    ReplicationController rc = rc();
    engine.api.update(rc.withSpec(rc.spec().orElseThrow().withReplicas(1)));
    engine.loop.settle();
    assertThat(pods()).hasSize(1);
    assertThat(rc().status().orElseThrow().replicas()).contains(1);
  }

  @Test
  void deletingTheOwnerDeletesItsPodsUnlessOrphaned() {
    engine.create(RC);
    engine.loop.settle();
    engine.api.delete("ReplicationController", "default", "kubia", DeleteOptions.defaults().withPropagation("Orphan"));
    engine.loop.settle();
    assertThat(engine.api.get("ReplicationController", "default", "kubia")).isEmpty();
    assertThat(pods()).hasSize(3).allSatisfy(p -> assertThat(p.metadata().ownerReferences()).isEmpty());

    engine.create(RC);
    engine.loop.settle();
    assertThat(pods()).hasSize(3);
    engine.api.delete("ReplicationController", "default", "kubia");
    engine.loop.settle();
    assertThat(pods()).isEmpty();
  }

  @Test
  void eventsRecordEachCreatedPod() {
    engine.create(RC);
    engine.loop.settle();
    List<KubeObject> events = engine.api.list("Event", Optional.of("default"));
    assertThat(events).hasSize(3);
    assertThat(dev.kubesim.impl.codec.ObjectCodec.encode(events.get(0)).path("reason").asText()).isEqualTo("SuccessfulCreate");
  }
}
