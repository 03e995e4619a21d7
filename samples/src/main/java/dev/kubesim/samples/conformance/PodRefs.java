package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.labels.SelectorText;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a step's pod reference into {@code NS/NAME}: {@code NS/NAME} stays as written; {@code
 * {namespace, selector}} is the first pod in name order that matches the selector and whose phase
 * is {@code Running} (a pod being deleted still counts while its phase says Running, as in
 * Kubernetes).
 */
final class PodRefs {
  private final Cluster cluster;

  PodRefs(Cluster cluster) {
    this.cluster = cluster;
  }

  String resolve(JsonNode ref) {
    if (ref.isTextual()) {
      return ref.asText();
    }
    String namespace = ref.get("namespace").asText();
    String selector = ref.get("selector").asText();
    Predicate<Map<String, String>> matches;
    try {
      if (selector.isBlank()) {
        throw new IllegalArgumentException("an empty selector names no pod");
      }
      matches = SelectorText.parse(selector);
    } catch (IllegalArgumentException e) {
      throw new StepFailure("a valid label selector", e.getMessage());
    }
    // list() returns a namespace's pods in name order, which is the order the format picks from.
    for (Pod pod : cluster.list(Pod.class, namespace)) {
      boolean running = pod.status().flatMap(PodStatus::phase).filter("Running"::equals).isPresent();
      if (running && matches.test(pod.metadata().labels())) {
        return namespace + "/" + pod.metadata().nameOrEmpty();
      }
    }
    throw new StepFailure("a Running pod in " + namespace + " matching " + selector, "none");
  }
}
