package dev.kubesim.impl.labels;

import dev.kubesim.api.model.Node;
import java.util.List;
import java.util.Map;

/**
 * A pod's required node affinity as {@code nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)}
 * of component-helpers judges it: the {@code nodeSelector} pairs must all be among the node's
 * labels, and, when {@code affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution}
 * is set, one of its {@code nodeSelectorTerms} must match. A term matches when all its {@code
 * matchExpressions} hold for the node's labels ({@code In}, {@code NotIn}, {@code Exists}, {@code
 * DoesNotExist}, {@code Gt}, {@code Lt}) and all its {@code matchFields} for the node's fields
 * (only {@code metadata.name}, with {@code In} and {@code NotIn}); a term with neither matches no
 * node. The affinity is read as the model keeps it, decoded JSON.
 */
public final class NodeAffinity {
  private NodeAffinity() {}

  /** Whether a pod with this node selector and affinity may run on the node. */
  public static boolean matches(Map<String, String> nodeSelector, Object affinity, Node node) {
    if (!LabelSelectors.matches(nodeSelector, node.metadata().labels())) {
      return false;
    }
    Object required = field(field(affinity, "nodeAffinity"), "requiredDuringSchedulingIgnoredDuringExecution");
    if (required == null) {
      return true;
    }
    Object terms = field(required, "nodeSelectorTerms");
    if (!(terms instanceof List<?> list)) {
      return false;
    }
    Map<String, String> labels = node.metadata().labels();
    Map<String, String> fields = Map.of("metadata.name", node.metadata().nameOrEmpty());
    for (Object term : list) {
      List<?> exprs = field(term, "matchExpressions") instanceof List<?> l ? l : List.of();
      List<?> fieldExprs = field(term, "matchFields") instanceof List<?> l ? l : List.of();
      if (exprs.isEmpty() && fieldExprs.isEmpty()) {
        continue;
      }
      if (exprs.stream().allMatch(e -> holds(e, labels, false)) && fieldExprs.stream().allMatch(e -> holds(e, fields, true))) {
        return true;
      }
    }
    return false;
  }

  private static Object field(Object map, String key) {
    return map instanceof Map<?, ?> m ? m.get(key) : null;
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  /** One {@code NodeSelectorRequirement}; a field requirement knows only {@code In} and {@code NotIn}. */
  private static boolean holds(Object requirement, Map<String, String> values, boolean isField) {
    String key = text(field(requirement, "key"));
    List<String> wanted = field(requirement, "values") instanceof List<?> l ? l.stream().map(NodeAffinity::text).toList() : List.of();
    String operator = text(field(requirement, "operator"));
    if (isField && (!values.containsKey(key) || !(operator.equals("In") || operator.equals("NotIn")) || wanted.size() != 1)) {
      return false;
    }
    String value = values.get(key);
    return switch (operator) {
      case "In" -> value != null && wanted.contains(value);
      case "NotIn" -> value == null || !wanted.contains(value);
      case "Exists" -> value != null && wanted.isEmpty();
      case "DoesNotExist" -> value == null && wanted.isEmpty();
      case "Gt", "Lt" -> value != null && wanted.size() == 1 && compare(value, wanted.get(0), operator);
      default -> false;
    };
  }

  /** {@code Gt}/{@code Lt}: both sides parse as integers, or the requirement fails. */
  private static boolean compare(String label, String bound, String op) {
    try {
      int c = Long.compare(Long.parseLong(label), Long.parseLong(bound));
      return op.equals("Gt") ? c > 0 : c < 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
