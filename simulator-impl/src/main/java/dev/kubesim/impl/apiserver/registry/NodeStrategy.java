package dev.kubesim.impl.apiserver.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.NodeAddress;
import dev.kubesim.api.model.NodeSpec;
import dev.kubesim.api.model.NodeStatus;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.ErrorType;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.IpSyntax;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.MetadataValidation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Nodes ({@code pkg/registry/core/node}): allocatable defaults to capacity; {@code ValidateNode} on
 * create and {@code ValidateNodeUpdate} on update (pod CIDRs and provider ID fixed once set); the
 * status is kept on updates through the main resource. Nodes have no generation.
 */
public final class NodeStrategy extends Strategy<Node> {
  private static final String FIXED_CIDR = "node updates may not change podCIDR except from \"\" to valid";

  /** The Node rules. */
  public NodeStrategy() {
    super(Node.class);
  }

  /**
   * {@code SetDefaults_NodeStatus} (allocatable is the capacity unless given) and the v1
   * conversion of the pod CIDR: a lone {@code podCIDR} becomes {@code podCIDRs}, whose first entry
   * is always shown as {@code podCIDR}.
   */
  @Override
  public Node defaults(Node node) {
    NodeSpec spec = node.specOrEmpty();
    List<String> cidrs = spec.podCIDRs();
    if (cidrs.isEmpty() && !spec.podCIDR().orElse("").isEmpty()) {
      cidrs = List.of(spec.podCIDR().get());
    }
    if (!cidrs.isEmpty() && (!cidrs.equals(spec.podCIDRs()) || !spec.podCIDR().equals(Optional.of(cidrs.get(0))))) {
      node = node.withSpec(new NodeSpec(Optional.of(cidrs.get(0)), cidrs, spec.providerID(), spec.unschedulable(),
          spec.taints(), spec.configSource(), spec.externalID()));
    }
    if (node.status().isEmpty()) {
      return node;
    }
    NodeStatus s = node.status().get();
    if (!s.allocatable().isEmpty() || s.capacity().isEmpty()) {
      return node;
    }
    return node.withStatus(new NodeStatus(s.capacity(), s.capacity(), s.phase(), s.conditions(), s.addresses(),
        s.daemonEndpoints(), s.nodeInfo(), s.images(), s.volumesInUse(), s.volumesAttached(), s.config(),
        s.runtimeHandlers(), s.features(), s.declaredFeatures()));
  }

  @Override
  public List<FieldError> validate(Node node) {
    List<FieldError> errs = new ArrayList<>();
    NodeSpec spec = node.specOrEmpty();
    // Upstream validates taints under metadata: its field path is metadata.taints.
    if (!spec.taints().isEmpty()) {
      errs.addAll(validateTaints(spec.taints(), FieldPath.root("metadata", "taints")));
    }
    errs.addAll(validateResources(node));
    FieldPath cidrs = FieldPath.root("spec", "podCIDRs");
    List<String> podCIDRs = spec.podCIDRs();
    for (int i = 0; i < podCIDRs.size(); i++) {
      errs.addAll(FieldError.invalidEach(cidrs.index(i), podCIDRs.get(i), IpSyntax.isValidCIDR(podCIDRs.get(i))));
    }
    if (podCIDRs.size() > 1) {
      boolean valid = podCIDRs.stream().allMatch(c -> IpSyntax.isValidCIDR(c).isEmpty());
      boolean dualStack = valid && podCIDRs.stream().map(c -> c.contains(":")).distinct().count() == 2;
      if (!dualStack || podCIDRs.size() > 2) {
        errs.add(FieldError.invalid(cidrs, podCIDRs, "may specify no more than one CIDR for each IP family"));
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < podCIDRs.size(); i++) {
        if (!seen.add(podCIDRs.get(i))) {
          errs.add(FieldError.duplicate(cidrs.index(i), podCIDRs.get(i)));
        }
      }
    }
    return errs;
  }

  /** {@code ValidateNodeUpdate}: a different set of checks from create, not a superset. */
  @Override
  public List<FieldError> validateUpdate(Node node, Node old) {
    List<FieldError> errs = new ArrayList<>(validateResources(node));
    List<NodeAddress> addresses = node.status().map(NodeStatus::addresses).orElse(List.of());
    Set<NodeAddress> seen = new HashSet<>();
    for (int i = 0; i < addresses.size(); i++) {
      if (!seen.add(addresses.get(i))) {
        errs.add(FieldError.duplicate(FieldPath.root("status", "addresses").index(i), addresses.get(i)));
      }
    }
    NodeSpec spec = node.specOrEmpty();
    NodeSpec oldSpec = old.specOrEmpty();
    if (!oldSpec.podCIDRs().isEmpty()) {
      FieldPath cidrs = FieldPath.root("spec", "podCIDRs");
      if (oldSpec.podCIDRs().size() != spec.podCIDRs().size()) {
        errs.add(FieldError.forbidden(cidrs, FIXED_CIDR));
      } else {
        for (int i = 0; i < oldSpec.podCIDRs().size(); i++) {
          if (!oldSpec.podCIDRs().get(i).equals(spec.podCIDRs().get(i))) {
            errs.add(FieldError.forbidden(cidrs, FIXED_CIDR));
          }
        }
      }
    }
    String oldProvider = oldSpec.providerID().orElse("");
    if (!oldProvider.isEmpty() && !oldProvider.equals(spec.providerID().orElse(""))) {
      errs.add(FieldError.forbidden(FieldPath.root("spec", "providerID"),
          "node updates may not change providerID except from \"\" to valid"));
    }
    if (!spec.taints().isEmpty()) {
      errs.addAll(validateTaints(spec.taints(), FieldPath.root("metadata", "taints")));
    }
    if (!spec.externalID().orElse("").equals(oldSpec.externalID().orElse(""))) {
      errs.add(FieldError.forbidden(FieldPath.root("spec", "externalID"), "may not be updated"));
    }
    return errs;
  }

  /** {@code ValidateNodeResources}: capacity and allocatable quantities (paths without brackets). */
  private static List<FieldError> validateResources(Node node) {
    List<FieldError> errs = new ArrayList<>();
    if (node.status().isEmpty()) {
      return errs;
    }
    NodeStatus s = node.status().get();
    for (Map.Entry<String, String> e : new TreeMap<>(s.capacity()).entrySet()) {
      errs.addAll(ResourceValidation.validateQuantity(e.getKey(), e.getValue(), FieldPath.root("status", "capacity", e.getKey())));
    }
    for (Map.Entry<String, String> e : new TreeMap<>(s.allocatable()).entrySet()) {
      errs.addAll(ResourceValidation.validateQuantity(e.getKey(), e.getValue(), FieldPath.root("status", "allocatable", e.getKey())));
    }
    return errs;
  }

  /** {@code validateNodeTaints}: key, value and effect, and one taint per key and effect. */
  private static List<FieldError> validateTaints(List<Object> taints, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, Set<String>> unique = new HashMap<>();
    for (int i = 0; i < taints.size(); i++) {
      FieldPath idx = path.index(i);
      Map<String, Object> t = Generic.map(taints.get(i)).orElse(Map.of());
      String key = Generic.str(t, "key");
      String value = Generic.str(t, "value");
      String effect = Generic.str(t, "effect");
      errs.addAll(MetadataValidation.validateLabelName(key, idx.child("key")));
      List<String> msgs = LabelNames.isValidLabelValue(value);
      if (!msgs.isEmpty()) {
        errs.add(FieldError.invalid(idx.child("value"), value, String.join(";", msgs)));
      }
      errs.addAll(TolerationValidation.validateTaintEffect(effect, false, idx.child("effect")));
      if (unique.computeIfAbsent(effect, k -> new HashSet<>()).contains(key)) {
        Object shown = new TaintJson(key, value, effect, t.get("timeAdded"));
        // field.Duplicate with a Detail set afterwards, as upstream builds it.
        errs.add(new FieldError(ErrorType.DUPLICATE, idx.toString(), shown, "taints must be unique by key and effect pair"));
        continue;
      }
      unique.get(effect).add(key);
    }
    return errs;
  }

  /** {@code core/v1.Taint}'s JSON shape. */
  record TaintJson(
      String key,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String value,
      String effect,
      @JsonInclude(JsonInclude.Include.NON_NULL) Object timeAdded) {}

  /** {@code PrepareForUpdate}: the status is the kubelet's, kept on updates of the node itself. */
  @Override
  public Node prepareForUpdate(Node node, Node old) {
    return node.withStatus(old.status().orElse(null));
  }

  @Override
  public boolean hasGeneration() {
    return false;
  }
}
