package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.api.BadRequestException;
import java.util.List;

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
    if (selector.isBlank()) {
      throw new StepFailure("a valid label selector", "an empty selector names no pod");
    }
    List<Pod> matching;
    try {
      matching = cluster.pods(namespace, selector);
    } catch (BadRequestException e) {
      throw new StepFailure("a valid label selector", e.getMessage());
    }
    // pods() returns a namespace's pods in name order, which is the order the format picks from.
    for (Pod pod : matching) {
      boolean running = pod.status().flatMap(PodStatus::phase).filter("Running"::equals).isPresent();
      if (running) {
        return namespace + "/" + pod.metadata().nameOrEmpty();
      }
    }
    throw new StepFailure("a Running pod in " + namespace + " matching " + selector, "none");
  }
}
