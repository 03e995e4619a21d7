package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code printHorizontalPodAutoscaler}: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE, the
 * reference as {@code Kind/name} and the targets as {@code formatHPAMetrics} writes them (v1.32):
 * {@code cpu: <unknown>/80%} for a cpu utilization target whose current value the controller could
 * not get, at most two metrics and then {@code + N more...}, {@code <none>} without metrics.
 */
public final class HorizontalPodAutoscalerTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Map<String, Object> c = object instanceof GenericObject g ? g.content() : Map.of();
    Map<?, ?> spec = map(c.get("spec"));
    Map<?, ?> status = map(c.get("status"));
    Map<?, ?> ref = map(spec.get("scaleTargetRef"));
    String reference = str(ref.get("kind")) + "/" + str(ref.get("name"));
    Object min = spec.get("minReplicas");
    return List.of(object.metadata().nameOrEmpty(), reference, targets(list(spec.get("metrics")), list(status.get("currentMetrics"))),
        min == null ? "<unset>" : String.valueOf(min), String.valueOf(number(spec.get("maxReplicas"))),
        String.valueOf(number(status.get("currentReplicas"))), Cells.age(object, now));
  }

  /** {@code formatHPAMetrics}. */
  static String targets(List<?> specs, List<?> statuses) {
    if (specs.isEmpty()) {
      return "<none>";
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Map<?, ?> spec = map(specs.get(i));
      Map<?, ?> status = i < statuses.size() ? map(statuses.get(i)) : Map.of();
      String type = str(spec.get("type"));
      switch (type) {
        case "External" -> list.add(valueMetric(map(spec.get("external")), map(status.get("external")), status.containsKey("external")));
        case "Pods" -> {
          Map<?, ?> target = map(map(spec.get("pods")).get("target"));
          String current = status.containsKey("pods") ? str(map(map(status.get("pods")).get("current")).get("averageValue")) : "<unknown>";
          list.add(current + "/" + str(target.get("averageValue")));
        }
        case "Object" -> list.add(valueMetric(map(spec.get("object")), map(status.get("object")), status.containsKey("object")));
        case "Resource", "ContainerResource" -> {
          Map<?, ?> source = map(spec.get(type.equals("Resource") ? "resource" : "containerResource"));
          Map<?, ?> current = map(map(status.get(type.equals("Resource") ? "resource" : "containerResource")).get("current"));
          boolean has = status.containsKey(type.equals("Resource") ? "resource" : "containerResource");
          Map<?, ?> target = map(source.get("target"));
          String prefix = str(source.get("name")) + ": ";
          if (target.get("averageValue") != null) {
            list.add(prefix + (has ? str(current.get("averageValue")) : "<unknown>") + "/" + str(target.get("averageValue")));
          } else {
            String now = has && current.get("averageUtilization") != null ? current.get("averageUtilization") + "%" : "<unknown>";
            String want = target.get("averageUtilization") != null ? target.get("averageUtilization") + "%" : "<auto>";
            list.add(prefix + now + "/" + want);
          }
        }
        default -> list.add("<unknown type>");
      }
    }
    if (list.size() > 2) {
      return String.join(", ", list.subList(0, 2)) + " + " + (list.size() - 2) + " more...";
    }
    return String.join(", ", list);
  }

  private static String valueMetric(Map<?, ?> source, Map<?, ?> status, boolean has) {
    Map<?, ?> target = map(source.get("target"));
    Map<?, ?> current = map(status.get("current"));
    if (target.get("averageValue") != null) {
      return (has ? str(current.get("averageValue")) : "<unknown>") + "/" + str(target.get("averageValue")) + " (avg)";
    }
    return (has ? str(current.get("value")) : "<unknown>") + "/" + str(target.get("value"));
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }
}
