package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeCondition;
import dev.kubesim.api.model.NodeSpec;
import dev.kubesim.api.model.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Facts about a Node and copies of it with one part changed, as the node controllers need them. */
public final class NodeStates {
  private NodeStates() {}

  /** The node's {@code Ready} condition, if it has one. */
  public static Optional<NodeCondition> ready(Node node) {
    return node.status().stream()
        .flatMap(s -> s.conditions().stream())
        .filter(c -> c.type().filter("Ready"::equals).isPresent())
        .findFirst();
  }

  /** The status of the {@code Ready} condition ({@code True}, {@code False}, {@code Unknown}), or empty. */
  public static String readyStatus(Node node) {
    return ready(node).flatMap(NodeCondition::status).orElse("");
  }

  /** The node with its {@code Ready} condition replaced (or added), the other conditions kept in place. */
  public static Node withReady(Node node, NodeCondition ready) {
    NodeStatus s = node.status().orElseGet(() -> new NodeStatus(null, null, null, null, null, null, null, null, null, null,
        null, null, null, null));
    List<NodeCondition> conditions = new ArrayList<>(s.conditions());
    int at = -1;
    for (int i = 0; i < conditions.size(); i++) {
      if (conditions.get(i).type().filter("Ready"::equals).isPresent()) {
        at = i;
      }
    }
    if (at < 0) {
      conditions.add(ready);
    } else {
      conditions.set(at, ready);
    }
    return node.withStatus(new NodeStatus(s.capacity(), s.allocatable(), s.phase(), conditions, s.addresses(),
        s.daemonEndpoints(), s.nodeInfo(), s.images(), s.volumesInUse(), s.volumesAttached(), s.config(),
        s.runtimeHandlers(), s.features(), s.declaredFeatures()));
  }

  /** The node with these taints. */
  public static Node withTaints(Node node, List<Object> taints) {
    NodeSpec s = node.specOrEmpty();
    return node.withSpec(new NodeSpec(s.podCIDR(), s.podCIDRs(), s.providerID(), s.unschedulable(), taints,
        s.configSource(), s.externalID()));
  }

  /** The node cordoned or uncordoned ({@code spec.unschedulable}; false is written as absent, as kubectl patches it). */
  public static Node withUnschedulable(Node node, boolean unschedulable) {
    NodeSpec s = node.specOrEmpty();
    return node.withSpec(new NodeSpec(s.podCIDR(), s.podCIDRs(), s.providerID(),
        unschedulable ? Optional.of(true) : Optional.empty(), s.taints(), s.configSource(), s.externalID()));
  }

  /** Whether {@code spec.unschedulable} is set. */
  public static boolean isCordoned(Node node) {
    return node.spec().flatMap(NodeSpec::unschedulable).orElse(false);
  }
}
