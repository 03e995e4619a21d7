package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Namespace;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import dev.kubesim.impl.kubectl.printers.NamespaceTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code describeNamespace}: name, labels, annotations, status, then the namespace's resource
 * quotas and limit ranges ({@code No resource quota.} and {@code No LimitRange resource.} when
 * there are none).
 */
final class NamespaceDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Namespace ns = (Namespace) object;
    String name = ns.metadata().nameOrEmpty();
    List<KubeObject> quotas = ctx.list("ResourceQuota", name);
    List<KubeObject> limitRanges = ctx.list("LimitRange", name);
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", name);
      w.printLabelsMultiline("Labels", ns.metadata().labels());
      w.printAnnotationsMultiline("Annotations", ns.metadata().annotations());
      w.write(LEVEL_0, "Status:\t%s\n", NamespaceTable.phase(ns));
      w.write(LEVEL_0, "\n");
      quotas(w, quotas);
      w.write(LEVEL_0, "\n");
      limitRanges(w, limitRanges);
    });
  }

  /** {@code DescribeResourceQuotas}. */
  private static void quotas(PrefixWriter w, List<KubeObject> quotas) {
    if (quotas.isEmpty()) {
      w.write(LEVEL_0, "No resource quota.\n");
      return;
    }
    w.write(LEVEL_0, "Resource Quotas\n");
    for (KubeObject q : quotas) {
      Map<String, Object> content = ((GenericObject) q).content();
      Map<?, ?> status = content.get("status") instanceof Map<?, ?> s ? s : Map.of();
      Map<?, ?> hard = status.get("hard") instanceof Map<?, ?> h ? h : Map.of();
      Map<?, ?> used = status.get("used") instanceof Map<?, ?> u ? u : Map.of();
      w.write(LEVEL_1, "Name:\t%s\n", q.metadata().nameOrEmpty());
      w.write(LEVEL_1, "Resource\tUsed\tHard\n");
      w.write(LEVEL_1, "--------\t---\t---\n");
      TreeMap<String, Object> sorted = new TreeMap<>();
      hard.forEach((k, v) -> sorted.put(k.toString(), v));
      sorted.forEach((k, v) -> w.write(LEVEL_1, "%s\t%s\t%s\n", k, quantity(used.get(k)), quantity(v)));
    }
  }

  /** {@code DescribeLimitRanges}. */
  private static void limitRanges(PrefixWriter w, List<KubeObject> ranges) {
    if (ranges.isEmpty()) {
      w.write(LEVEL_0, "No LimitRange resource.\n");
      return;
    }
    w.write(LEVEL_0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
    w.write(LEVEL_0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
    for (KubeObject r : ranges) {
      Map<?, ?> spec = ((GenericObject) r).content().get("spec") instanceof Map<?, ?> s ? s : Map.of();
      if (!(spec.get("limits") instanceof List<?> limits)) {
        continue;
      }
      for (Object o : limits) {
        Map<?, ?> item = o instanceof Map<?, ?> m ? m : Map.of();
        TreeMap<String, Boolean> names = new TreeMap<>();
        for (String section : List.of("max", "min", "default", "defaultRequest", "maxLimitRequestRatio")) {
          if (item.get(section) instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> names.put(k.toString(), true));
          }
        }
        for (String k : names.keySet()) {
          w.write(LEVEL_0, " %s\t%s\t%s\t%s\t%s\t%s\t%s\n", Objects.toString(item.get("type"), ""), k,
              value(item, "min", k), value(item, "max", k), value(item, "defaultRequest", k), value(item, "default", k),
              value(item, "maxLimitRequestRatio", k));
        }
      }
    }
  }

  private static String value(Map<?, ?> item, String section, String key) {
    if (item.get(section) instanceof Map<?, ?> m && m.get(key) != null) {
      return quantity(m.get(key));
    }
    return "-";
  }

  private static String quantity(Object v) {
    if (v == null) {
      return "0";
    }
    return Quantity.parse(v).map(Quantity::toString).orElse(v.toString());
  }
}
