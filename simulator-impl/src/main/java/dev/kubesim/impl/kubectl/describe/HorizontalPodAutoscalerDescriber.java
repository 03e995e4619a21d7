package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_2;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_3;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code describeHorizontalPodAutoscalerV2}: name, namespace, labels, annotations, creation time,
 * the reference, each metric with its current and target value ({@code <unknown>} while the
 * controller has none), the replica bounds, the behavior, the target's current and desired pods, the
 * conditions and the events. Resource and container-resource metrics are described in full; the
 * others by their type and target only.
 */
final class HorizontalPodAutoscalerDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Map<String, Object> content = object instanceof GenericObject g ? g.content() : Map.of();
    Map<?, ?> spec = map(content.get("spec"));
    Map<?, ?> status = map(content.get("status"));
    Map<?, ?> ref = map(spec.get("scaleTargetRef"));
    List<?> statuses = list(status.get("currentMetrics"));
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", object.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", object.metadata().namespace().orElse(""));
      w.printLabelsMultiline("Labels", object.metadata().labels());
      w.printAnnotationsMultiline("Annotations", object.metadata().annotations());
      w.write(LEVEL_0, "CreationTimestamp:\t%s\n", GoTime.rfc1123z(object.metadata().creationTimestamp()));
      w.write(LEVEL_0, "Reference:\t%s/%s\n", str(ref.get("kind")), str(ref.get("name")));
      w.write(LEVEL_0, "Metrics:\t( current / target )\n");
      List<?> metrics = list(spec.get("metrics"));
      for (int i = 0; i < metrics.size(); i++) {
        Map<?, ?> metric = map(metrics.get(i));
        Map<?, ?> current = i < statuses.size() ? map(statuses.get(i)) : Map.of();
        String type = str(metric.get("type"));
        if (type.equals("Resource") || type.equals("ContainerResource")) {
          String field = type.equals("Resource") ? "resource" : "containerResource";
          Map<?, ?> source = map(metric.get(field));
          Map<?, ?> target = map(source.get("target"));
          Map<?, ?> now = map(map(current.get(field)).get("current"));
          boolean has = current.containsKey(field);
          if (type.equals("Resource")) {
            w.write(LEVEL_1, "resource %s on pods", str(source.get("name")));
          } else {
            w.write(LEVEL_1, "resource %s of container \"%s\" on pods", str(source.get("name")), str(source.get("container")));
          }
          if (target.get("averageValue") != null) {
            w.write(LEVEL_0, ":\t%s / %s\n", has ? str(now.get("averageValue")) : "<unknown>", str(target.get("averageValue")));
          } else {
            String value = has && now.get("averageUtilization") != null
                ? now.get("averageUtilization") + "% (" + str(now.get("averageValue")) + ")" : "<unknown>";
            String want = target.get("averageUtilization") != null ? target.get("averageUtilization") + "%" : "<auto>";
            w.write(LEVEL_1, "(as a percentage of request):\t%s / %s\n", value, want);
          }
        } else {
          w.write(LEVEL_1, "\"%s\" metric:\t<unknown>\n", type);
        }
      }
      Object min = spec.get("minReplicas");
      w.write(LEVEL_0, "Min replicas:\t%s\n", min == null ? "<unset>" : str(min));
      w.write(LEVEL_0, "Max replicas:\t%s\n", str(spec.get("maxReplicas")));
      if (spec.get("behavior") instanceof Map<?, ?> behavior) {
        w.write(LEVEL_0, "Behavior:\n");
        direction(w, "Scale Up", behavior.get("scaleUp"));
        direction(w, "Scale Down", behavior.get("scaleDown"));
      }
      w.write(LEVEL_0, "%s pods:\t", str(ref.get("kind")));
      w.write(LEVEL_0, "%s current / %s desired\n", number(status.get("currentReplicas")), number(status.get("desiredReplicas")));
      List<?> conditions = list(status.get("conditions"));
      if (!conditions.isEmpty()) {
        w.write(LEVEL_0, "Conditions:\n");
        w.write(LEVEL_1, "Type\tStatus\tReason\tMessage\n");
        w.write(LEVEL_1, "----\t------\t------\t-------\n");
        for (Object o : conditions) {
          Map<?, ?> c = map(o);
          w.write(LEVEL_1, "%s\t%s\t%s\t%s\n", str(c.get("type")), str(c.get("status")), str(c.get("reason")), str(c.get("message")));
        }
      }
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }

  /** {@code printDirectionBehavior}. */
  private static void direction(PrefixWriter w, String name, Object value) {
    if (!(value instanceof Map<?, ?> rules)) {
      return;
    }
    w.write(LEVEL_1, "%s:\n", name);
    if (rules.get("stabilizationWindowSeconds") != null) {
      w.write(LEVEL_2, "Stabilization Window: %s seconds\n", str(rules.get("stabilizationWindowSeconds")));
    }
    List<?> policies = list(rules.get("policies"));
    if (!policies.isEmpty()) {
      w.write(LEVEL_2, "Select Policy: %s\n", rules.get("selectPolicy") == null ? "Max" : str(rules.get("selectPolicy")));
      w.write(LEVEL_2, "Policies:\n");
      for (Object o : policies) {
        Map<?, ?> p = map(o);
        w.write(LEVEL_3, "- Type: %s\tValue: %s\tPeriod: %s seconds\n", str(p.get("type")), str(p.get("value")),
            str(p.get("periodSeconds")));
      }
    }
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
