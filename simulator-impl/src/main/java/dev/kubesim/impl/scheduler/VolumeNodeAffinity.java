package dev.kubesim.impl.scheduler;

import dev.kubesim.api.model.Node;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code CheckNodeAffinity} of a PersistentVolume ({@code pkg/volume/util}): a volume with {@code
 * spec.nodeAffinity.required} fits a node when one of its terms matches the node, a term matching
 * when all its {@code matchExpressions} hold for the node's labels and its {@code matchFields} for
 * the node's name.
 */
final class VolumeNodeAffinity {
  private VolumeNodeAffinity() {}

  static boolean fits(Map<String, Object> volumeSpec, Node node) {
    Map<String, Object> required = StorageObjects.map(StorageObjects.map(volumeSpec.get("nodeAffinity")).get("required"));
    if (required.isEmpty()) {
      return true;
    }
    if (!(required.get("nodeSelectorTerms") instanceof List<?> terms)) {
      return false;
    }
    Map<String, String> labels = node.metadata().labels();
    Map<String, String> fields = Map.of("metadata.name", node.metadata().nameOrEmpty());
    for (Object t : terms) {
      Map<String, Object> term = StorageObjects.map(t);
      List<?> exprs = term.get("matchExpressions") instanceof List<?> l ? l : List.of();
      List<?> fieldExprs = term.get("matchFields") instanceof List<?> l ? l : List.of();
      if (exprs.isEmpty() && fieldExprs.isEmpty()) {
        continue; // an empty term matches no node
      }
      if (exprs.stream().allMatch(e -> holds(StorageObjects.map(e), labels))
          && fieldExprs.stream().allMatch(e -> holds(StorageObjects.map(e), fields))) {
        return true;
      }
    }
    return false;
  }

  /** One {@code NodeSelectorRequirement}: In, NotIn, Exists, DoesNotExist, Gt, Lt. */
  private static boolean holds(Map<String, Object> r, Map<String, String> labels) {
    String key = StorageObjects.str(r, "key");
    List<String> values = r.get("values") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    String value = labels.get(key);
    return switch (StorageObjects.str(r, "operator")) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt", "Lt" -> value != null && values.size() == 1 && compare(value, values.get(0), StorageObjects.str(r, "operator"));
      default -> false;
    };
  }

  private static boolean compare(String label, String bound, String op) {
    try {
      int c = new BigDecimal(label).compareTo(new BigDecimal(bound));
      return op.equals("Gt") ? c > 0 : c < 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
