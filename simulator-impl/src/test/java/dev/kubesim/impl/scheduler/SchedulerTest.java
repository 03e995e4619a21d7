package dev.kubesim.impl.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.NodeConfig;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeSpec;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.TestEngine;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.controller.ReplicaManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private TestEngine engine;

  @BeforeEach
  void setUp() {
    engine = new TestEngine(1);
    Scheduler.start(engine.api);
    ReplicaManager.replicationControllers(engine.api);
    for (NodeConfig n : TestEngine.nodes(3)) {
      engine.api.create(readyNode(n.name()));
    }
  }

  private static Node readyNode(String name) {
    String yaml = "{apiVersion: v1, kind: Node, metadata: {name: " + name + ", labels: {kubernetes.io/hostname: " + name + "}},"
        + " status: {conditions: [{type: Ready, status: 'True'}]}}";
    return (Node) dev.kubesim.impl.codec.ObjectCodec.decode(dev.kubesim.impl.codec.ManifestReader.read("n", yaml).get(0));
  }

  private List<Pod> pods() {
    return engine.api.list(Pod.KIND, Optional.of("default")).stream().map(Pod.class::cast).toList();
  }

  @Test
  void replicasSpreadOverNodesLeastLoadedFirst() {
    engine.create("""
        {apiVersion: v1, kind: ReplicationController, metadata: {name: web},
         spec: {replicas: 6, selector: {app: web}, template: {metadata: {labels: {app: web}},
         spec: {containers: [{name: a, image: nginx}]}}}}
        """);
    engine.loop.settle();
    Map<String, Integer> perNode = new TreeMap<>();
    for (Pod p : pods()) {
      perNode.merge(PodStates.nodeName(p), 1, Integer::sum);
      assertThat(PodStates.condition(p, "PodScheduled").flatMap(c -> c.status())).contains("True");
    }
    assertThat(perNode).containsExactly(Map.entry("node-1", 2), Map.entry("node-2", 2), Map.entry("node-3", 2));
  }

  @Test
  void nodeNameAndNodeSelectorAreHonoured() {
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: pinned}, spec: {nodeName: node-3, containers: [{name: a, image: nginx}]}}");
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: picky}, spec: {nodeSelector: {kubernetes.io/hostname: node-2}, containers: [{name: a, image: nginx}]}}");
    engine.loop.settle();
    assertThat(PodStates.nodeName((Pod) engine.api.get(Pod.KIND, "default", "pinned").orElseThrow())).isEqualTo("node-3");
    assertThat(PodStates.nodeName((Pod) engine.api.get(Pod.KIND, "default", "picky").orElseThrow())).isEqualTo("node-2");
  }

  @Test
  void podNoNodeCanTakeStaysPendingWithFailedScheduling() {
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: lost}, spec: {nodeSelector: {disk: ssd}, containers: [{name: a, image: nginx}]}}");
    engine.loop.settle();
    Pod lost = (Pod) engine.api.get(Pod.KIND, "default", "lost").orElseThrow();
    assertThat(PodStates.isScheduled(lost)).isFalse();
    assertThat(PodStates.condition(lost, "PodScheduled").flatMap(c -> c.message()))
        .contains("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."
            + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    List<KubeObject> events = engine.api.list("Event", Optional.of("default"));
    assertThat(events).anySatisfy(e -> assertThat(dev.kubesim.impl.codec.ObjectCodec.encode(e).path("reason").asText()).isEqualTo("FailedScheduling"));
  }

  @Test
  void cordonedNodesTakeNoNewPodsAndUncordoningRetries() {
    for (String n : List.of("node-1", "node-2", "node-3")) {
      Node node = (Node) engine.api.get(Node.KIND, "", n).orElseThrow();
      NodeSpec spec = new NodeSpec(null, null, null, Optional.of(true), null, null, null);
      engine.api.write(node.withSpec(spec));
    }
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: waiting}, spec: {containers: [{name: a, image: nginx}]}}");
    engine.loop.settle();
    assertThat(PodStates.isScheduled((Pod) engine.api.get(Pod.KIND, "default", "waiting").orElseThrow())).isFalse();
    Node node2 = (Node) engine.api.get(Node.KIND, "", "node-2").orElseThrow();
    engine.api.write(node2.withSpec(new NodeSpec(null, null, null, Optional.of(false), null, null, null)));
    engine.loop.settle();
    assertThat(PodStates.nodeName((Pod) engine.api.get(Pod.KIND, "default", "waiting").orElseThrow())).isEqualTo("node-2");
  }

  @SuppressWarnings("unused")
  private static ObjectMeta meta(String name) {
    return ObjectMeta.named(name);
  }

  @Test
  void requiredNodeAffinityPicksTheNode() {
    engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: byname}, spec: {containers: [{name: a, image: nginx}],
         affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [
           {matchFields: [{key: metadata.name, operator: In, values: [node-3]}]}]}}}}}
        """);
    engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: byexpr}, spec: {containers: [{name: a, image: nginx}],
         affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [
           {matchExpressions: [{key: kubernetes.io/hostname, operator: NotIn, values: [node-1, node-2]}]}]}}}}}
        """);
    engine.create("""
        {apiVersion: v1, kind: Pod, metadata: {name: nowhere}, spec: {containers: [{name: a, image: nginx}],
         affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [
           {matchFields: [{key: metadata.name, operator: In, values: [node-9]}]}]}}}}}
        """);
    engine.loop.settle();
    assertThat(PodStates.nodeName((Pod) engine.api.get(Pod.KIND, "default", "byname").orElseThrow())).isEqualTo("node-3");
    assertThat(PodStates.nodeName((Pod) engine.api.get(Pod.KIND, "default", "byexpr").orElseThrow())).isEqualTo("node-3");
    Pod nowhere = (Pod) engine.api.get(Pod.KIND, "default", "nowhere").orElseThrow();
    assertThat(PodStates.condition(nowhere, "PodScheduled").flatMap(c -> c.message()))
        .hasValueSatisfying(m -> assertThat(m).startsWith("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."));
  }

  @Test
  void aCordonedNodeTakesOnlyPodsThatTolerateIt() {
    for (String name : List.of("node-1", "node-2")) {
      Node node = (Node) engine.api.get(Node.KIND, "", name).orElseThrow();
      engine.api.update(dev.kubesim.impl.apiserver.NodeStates.withUnschedulable(node, true));
    }
    String pinned = "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: ["
        + "{matchFields: [{key: metadata.name, operator: In, values: [node-1]}]}]}}}";
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: plain}, spec: {containers: [{name: a, image: nginx}], " + pinned + "}}");
    engine.create("{apiVersion: v1, kind: Pod, metadata: {name: tolerant}, spec: {containers: [{name: a, image: nginx}], " + pinned
        + ", tolerations: [{key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}]}}");
    engine.loop.settle();
    assertThat(PodStates.nodeName((Pod) engine.api.get(Pod.KIND, "default", "tolerant").orElseThrow())).isEqualTo("node-1");
    Pod plain = (Pod) engine.api.get(Pod.KIND, "default", "plain").orElseThrow();
    assertThat(PodStates.condition(plain, "PodScheduled").flatMap(c -> c.message())).hasValueSatisfying(m -> assertThat(m)
        .startsWith("0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) were unschedulable."));
  }
}
