package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.output.GoJson;
import dev.kubesim.impl.kubectl.output.GoYaml;

/**
 * An object a generator built and never sent ({@code --dry-run=client -o yaml|json}), printed as
 * kubectl prints it: {@code creationTimestamp: null} in its metadata, the namespace only when
 * {@code -n} named one, and the empty structs and zero values Go writes ({@code resources: {}},
 * {@code strategy: {}}, a pod template's {@code creationTimestamp: null}, {@code status: {}}).
 */
final class ClientObjects {
  private ClientObjects() {}

  /** A pod template's metadata gets {@code creationTimestamp: null}, its containers {@code resources: {}}. */
  private static void podTemplate(com.fasterxml.jackson.databind.JsonNode template) {
    if (template instanceof ObjectNode t) {
      t.with("metadata").putNull("creationTimestamp");
      containerResources(t.path("spec"));
    }
  }

  private static void containerResources(com.fasterxml.jackson.databind.JsonNode podSpec) {
    for (String list : new String[] {"initContainers", "containers"}) {
      for (com.fasterxml.jackson.databind.JsonNode c : podSpec.path(list)) {
        if (c instanceof ObjectNode container && !container.has("resources")) {
          container.putObject("resources");
        }
      }
    }
  }

  static String render(String format, KubeObject object, boolean namespaceGiven) {
    if (!format.equals("yaml") && !format.equals("json")) {
      throw KubectlException.error("--dry-run=client is supported by this simulator with -o yaml or -o json only");
    }
    ObjectNode tree = ObjectCodec.encode(object);
    ObjectNode meta = tree.with("metadata");
    if (!namespaceGiven) {
      meta.remove("namespace");
    }
    meta.putNull("creationTimestamp");
    // Go's encoder writes the empty structs and zero values the new object holds.
    switch (object.kind()) {
      case "Pod" -> {
        containerResources(tree.path("spec"));
        tree.putObject("status");
      }
      case "Deployment" -> {
        if (tree.path("spec") instanceof ObjectNode spec && !spec.has("strategy")) {
          spec.putObject("strategy");
        }
        podTemplate(tree.path("spec").path("template"));
        tree.putObject("status");
      }
      case "Job" -> {
        podTemplate(tree.path("spec").path("template"));
        tree.putObject("status");
      }
      case "CronJob" -> {
        if (tree.path("spec").path("jobTemplate") instanceof ObjectNode job) {
          job.with("metadata").putNull("creationTimestamp");
          podTemplate(job.path("spec").path("template"));
        }
        tree.putObject("status");
      }
      case "Namespace" -> {
        if (!tree.has("spec")) {
          tree.putObject("spec");
        }
        tree.putObject("status");
      }
      case "ResourceQuota" -> tree.putObject("status");
      case "Service", "Ingress" -> tree.putObject("status").putObject("loadBalancer");
      case "PodDisruptionBudget" -> {
        ObjectNode status = tree.putObject("status");
        status.put("currentHealthy", 0).put("desiredHealthy", 0).put("disruptionsAllowed", 0).put("expectedPods", 0);
      }
      default -> { }
    }
    if (format.equals("yaml")) {
      return GoYaml.write(tree);
    }
    // JSON keeps Go's struct order: kind and apiVersion, then metadata (name first), then the rest.
    ObjectNode ordered = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    ordered.set("kind", tree.get("kind"));
    ordered.set("apiVersion", tree.get("apiVersion"));
    ObjectNode m = ordered.putObject("metadata");
    m.set("name", meta.get("name"));
    meta.fields().forEachRemaining(e -> m.set(e.getKey(), e.getValue()));
    tree.fields().forEachRemaining(e -> {
      if (!ordered.has(e.getKey())) {
        ordered.set(e.getKey(), e.getValue());
      }
    });
    return GoJson.indented(ordered, "    ");
  }
}
