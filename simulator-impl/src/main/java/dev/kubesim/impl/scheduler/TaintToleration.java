package dev.kubesim.impl.scheduler;

import dev.kubesim.api.model.Node;
import dev.kubesim.impl.labels.Tolerations;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler's TaintToleration filter: a node with a {@code NoSchedule} or {@code NoExecute}
 * taint that none of the pod's tolerations tolerates does not take the pod ({@code
 * PreferNoSchedule} only weighs in scoring, which kubesim does not do). A toleration tolerates a
 * taint as {@code ToleratesTaint} says: its effect empty or the taint's, and its key empty with
 * {@code Exists} (every taint), or the taint's key with {@code Exists} or {@code Equal} to the
 * taint's value (the default operator).
 */
final class TaintToleration {
  private TaintToleration() {}

  /** The node's first taint the pod does not tolerate, in the node's order; empty when it tolerates all. */
  static Optional<Map<?, ?>> firstUntolerated(Node node, List<Object> tolerations) {
    for (Object o : node.specOrEmpty().taints()) {
      if (!(o instanceof Map<?, ?> taint)) {
        continue;
      }
      String effect = text(taint.get("effect"));
      if (!effect.equals("NoSchedule") && !effect.equals("NoExecute")) {
        continue;
      }
      if (!Tolerations.tolerate(tolerations, taint)) {
        return Optional.of(taint);
      }
    }
    return Optional.empty();
  }

  /** The filter's reason: {@code node(s) had untolerated taint {KEY: VALUE}}. */
  static String reason(Map<?, ?> taint) {
    return "node(s) had untolerated taint {" + text(taint.get("key")) + ": " + text(taint.get("value")) + "}";
  }

  /** {@code TolerationsTolerateTaint}: whether any of the tolerations tolerates the taint. */
  static boolean tolerates(List<Object> tolerations, Map<?, ?> taint) {
    return Tolerations.tolerate(tolerations, taint);
  }


  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }
}
