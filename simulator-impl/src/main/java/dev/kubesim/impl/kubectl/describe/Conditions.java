package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;

import dev.kubesim.impl.kubectl.print.PrefixWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Conditions table of workload controllers' describe output (Type, Status, Reason). */
final class Conditions {
  private Conditions() {}

  static void write(PrefixWriter w, List<Object> conditions) {
    if (conditions.isEmpty()) {
      return;
    }
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(LEVEL_1, "----\t------\t------\n");
    for (Object o : conditions) {
      Map<?, ?> c = o instanceof Map<?, ?> m ? m : Map.of();
      w.write(LEVEL_1, "%s \t%s\t%s\n", Objects.toString(c.get("type"), ""), Objects.toString(c.get("status"), ""),
          Objects.toString(c.get("reason"), ""));
    }
  }
}
