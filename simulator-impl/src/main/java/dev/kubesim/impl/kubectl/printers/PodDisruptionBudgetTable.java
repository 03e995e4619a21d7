package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code printPodDisruptionBudget}: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE,
 * {@code N/A} for the bound the spec does not set.
 */
public final class PodDisruptionBudgetTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Map<String, Object> content = object instanceof GenericObject g ? g.content() : Map.of();
    Map<?, ?> spec = content.get("spec") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> status = content.get("status") instanceof Map<?, ?> m ? m : Map.of();
    Object allowed = status.get("disruptionsAllowed");
    return List.of(object.metadata().nameOrEmpty(), bound(spec.get("minAvailable")), bound(spec.get("maxUnavailable")),
        allowed instanceof Number n ? Long.toString(n.longValue()) : "0", Cells.age(object, now));
  }

  private static String bound(Object value) {
    if (value == null) {
      return "N/A";
    }
    return value instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(value);
  }
}
