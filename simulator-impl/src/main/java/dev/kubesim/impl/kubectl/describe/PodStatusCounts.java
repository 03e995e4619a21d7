package dev.kubesim.impl.kubectl.describe;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code getPodStatusForController}: the pods a controller owns (matching its selector and with
 * its uid as controller reference), counted by phase.
 *
 * @param running pods in phase Running
 * @param waiting pods in phase Pending
 * @param succeeded pods in phase Succeeded
 * @param failed pods in phase Failed
 */
record PodStatusCounts(int running, int waiting, int succeeded, int failed) {
  static PodStatusCounts of(DescribeContext ctx, KubeObject controller, Predicate<Map<String, String>> selector) {
    int running = 0;
    int waiting = 0;
    int succeeded = 0;
    int failed = 0;
    String uid = controller.metadata().uid().orElse("");
    for (KubeObject o : ctx.list("Pod", controller.metadata().namespace().orElse(""))) {
      Pod pod = (Pod) o;
      Optional<OwnerReference> ref = pod.metadata().controllerRef();
      if (!selector.test(pod.metadata().labels()) || ref.isEmpty() || !ref.get().uid().equals(uid)) {
        continue; // orphans and pods of other controllers
      }
      switch (pod.status().flatMap(s -> s.phase()).orElse("Pending")) {
        case "Running" -> running++;
        case "Pending" -> waiting++;
        case "Succeeded" -> succeeded++;
        case "Failed" -> failed++;
        default -> {}
      }
    }
    return new PodStatusCounts(running, waiting, succeeded, failed);
  }

  /** {@code N Running / N Waiting / N Succeeded / N Failed}. */
  String line() {
    return running + " Running / " + waiting + " Waiting / " + succeeded + " Succeeded / " + failed + " Failed";
  }
}
