package dev.kubesim.impl.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.NodeConfig;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodCondition;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.TestEngine;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.codec.ManifestReader;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.scheduler.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DaemonSet controller with the scheduler and no kubelets: pod phases and readiness are written
 * by the test, as a kubelet would write them.
 */
class DaemonSetPodLifecycleTest {
  private static final String DS = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec: {containers: [{name: agent, image: 'busybox:1.36'}]}
      """;

  private TestEngine engine;

  @BeforeEach
  void setUp() {
    engine = new TestEngine(1);
    Scheduler.start(engine.api);
    GarbageCollector.start(engine.api);
    DaemonSetController.start(engine.api);
    for (NodeConfig n : TestEngine.nodes(2)) {
      String yaml = "{apiVersion: v1, kind: Node, metadata: {name: " + n.name() + ", labels: {kubernetes.io/hostname: " + n.name()
          + "}}, status: {conditions: [{type: Ready, status: 'True'}]}}";
      engine.api.create(ObjectCodec.decode(ManifestReader.read("n", yaml).get(0)));
    }
  }

  private List<Pod> pods() {
    return engine.api.list(Pod.KIND, Optional.of("default")).stream().map(Pod.class::cast).toList();
  }

  private List<Pod> live() {
    return pods().stream().filter(p -> p.metadata().deletionTimestamp().isEmpty()).toList();
  }

  private Pod on(String node) {
    return pods().stream().filter(p -> PodStates.nodeName(p).equals(node)).findFirst().orElseThrow();
  }

  private void setPhase(Pod pod, String phase, boolean ready) {
    String now = engine.loop.clock().timestamp();
    PodCondition condition = new PodCondition(Optional.of("Ready"), Optional.empty(), Optional.of(ready ? "True" : "False"),
        Optional.empty(), Optional.of(now), Optional.empty(), Optional.empty());
    PodStatus status = pod.status().orElseGet(() -> PodStatus.builder().build()).withConditions(List.of(condition));
    engine.api.write(pod.withStatus(PodStatus.builder().phase(phase).build().withConditions(status.conditions())));
  }

  private List<String> eventReasons() {
    return engine.api.list("Event", Optional.of("default")).stream()
        .map(e -> ObjectCodec.encode(e).path("reason").asText() + " " + ObjectCodec.encode(e).path("message").asText())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> status() {
    return (Map<String, Object>) ((GenericObject) engine.api.get("DaemonSet", "default", "agent").orElseThrow()).content().get("status");
  }

  @Test
  void aFailedPodIsReplacedWithBackoff() {
    engine.create(DS);
    engine.loop.settle();
    assertThat(pods()).hasSize(2);
    Pod first = on("node-1");
    setPhase(first, "Failed", false);
    engine.loop.settle();
    Pod second = on("node-1");
    assertThat(second.metadata().nameOrEmpty()).isNotEqualTo(first.metadata().nameOrEmpty());
    assertThat(eventReasons()).contains("FailedDaemonPod Found failed daemon pod default/" + first.metadata().nameOrEmpty()
        + " on node node-1, will try to kill it");
    // failing again at once: the backoff (1 s) holds the deletion back
    setPhase(second, "Failed", false);
    engine.loop.settle();
    assertThat(on("node-1").metadata().nameOrEmpty()).isEqualTo(second.metadata().nameOrEmpty());
    engine.loop.advance(Duration.ofSeconds(2));
    assertThat(on("node-1").metadata().nameOrEmpty()).isNotEqualTo(second.metadata().nameOrEmpty());
  }

  @Test
  void aSecondPodOnANodeIsDeletedAndTheOldestKept() {
    engine.create(DS);
    engine.loop.settle();
    Pod kept = on("node-2");
    KubeObject extra = engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: stray, labels: {app: agent}},
         spec: {nodeName: node-2, containers: [{name: agent, image: 'busybox:1.36'}]}}
        """);
    engine.loop.settle();
    // the orphan is adopted, then deleted as the younger pod of node-2 (Terminating: no kubelet finishes it here)
    assertThat(live()).extracting(p -> p.metadata().nameOrEmpty()).contains(kept.metadata().nameOrEmpty())
        .doesNotContain(extra.metadata().nameOrEmpty());
    assertThat(eventReasons()).contains("SuccessfulDelete Deleted pod: stray");
  }

  @Test
  void surgeStartsTheNewPodBesideTheOldOne() {
    engine.create(DS.replace("spec:\n  selector", "spec:\n  updateStrategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}\n  selector"));
    engine.loop.settle();
    pods().forEach(p -> setPhase(p, "Running", true));
    engine.loop.settle();
    assertThat(status()).containsEntry("numberAvailable", 2);
    GenericObject ds = (GenericObject) engine.api.get("DaemonSet", "default", "agent").orElseThrow();
    engine.api.update(ObjectCodec.decode(ManifestReader.read("ds",
        ObjectCodec.encode(ds).toString().replace("busybox:1.36", "busybox:1.37")).get(0)));
    engine.loop.settle();
    // one node at a time (maxSurge 1): a new pod beside the old one, nothing deleted yet
    assertThat(pods()).hasSize(3);
    Pod newPod = pods().stream().filter(p -> PodStates.phase(p).equals("Pending")).findFirst().orElseThrow();
    String node = PodStates.nodeName(newPod);
    setPhase(newPod, "Running", true);
    engine.loop.settle();
    assertThat(live().stream().filter(p -> PodStates.nodeName(p).equals(node))).singleElement()
        .satisfies(p -> assertThat(p.metadata().nameOrEmpty()).isEqualTo(newPod.metadata().nameOrEmpty()));
    // and the surge moves on to the other node
    String other = node.equals("node-1") ? "node-2" : "node-1";
    assertThat(live().stream().filter(p -> PodStates.nodeName(p).equals(other))).hasSize(2);
  }

  @Test
  void aNewNodeGetsItsPod() {
    engine.create(DS);
    engine.loop.settle();
    engine.api.create(ObjectCodec.decode(ManifestReader.read("n", "{apiVersion: v1, kind: Node, metadata: {name: node-9},"
        + " status: {conditions: [{type: Ready, status: 'True'}]}}").get(0)));
    engine.loop.settle();
    assertThat(live()).extracting(PodStates::nodeName).containsExactlyInAnyOrder("node-1", "node-2", "node-9");
    assertThat(status()).containsEntry("desiredNumberScheduled", 3).containsEntry("currentNumberScheduled", 3);
  }
}
