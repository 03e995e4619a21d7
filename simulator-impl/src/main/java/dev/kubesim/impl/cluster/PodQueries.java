package dev.kubesim.impl.cluster;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.labels.SelectorText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pods by label selector, as {@code kubectl get pods -l SELECTOR} lists them, and the one pod a test
 * means by a selector.
 */
final class PodQueries {
  private PodQueries() {}

  /**
   * The pods of a namespace whose labels match, in name order.
   *
   * @throws BadRequestException with kubectl's message when the selector does not parse
   */
  static List<Pod> matching(ApiServer api, String namespace, String selector) {
    Predicate<Map<String, String>> labels = parse(selector);
    List<Pod> out = new ArrayList<>();
    for (KubeObject o : api.list(Pod.KIND, Optional.of(namespace))) {
      if (labels.test(o.metadata().labels())) {
        out.add((Pod) o);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The first by name among the matching pods that are not terminating and Ready; else Running;
   * else scheduled; else any matching pod.
   *
   * @throws NotFoundException when none matches
   */
  static Pod pick(ApiServer api, String namespace, String selector) {
    List<Pod> pods = matching(api, namespace, selector);
    if (pods.isEmpty()) {
      throw new NotFoundException("no pod in namespace \"" + namespace + "\" matches the label selector \"" + selector + "\"");
    }
    List<Predicate<Pod>> preferences = List.of(
        p -> !PodStates.isTerminating(p) && PodStates.isReady(p),
        p -> !PodStates.isTerminating(p) && PodStates.phase(p).equals("Running"),
        p -> !PodStates.isTerminating(p) && PodStates.isScheduled(p));
    for (Predicate<Pod> preferred : preferences) {
      Optional<Pod> pod = pods.stream().filter(preferred).findFirst();
      if (pod.isPresent()) {
        return pod.get();
      }
    }
    return pods.get(0);
  }

  private static Predicate<Map<String, String>> parse(String selector) {
    try {
      return SelectorText.parse(selector);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }
}
