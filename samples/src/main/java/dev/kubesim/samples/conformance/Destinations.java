package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The addresses a connection probe goes to: a pod's IP ({@code status.podIP}), a Service's
 * ClusterIP ({@code svc:NS/NAME}, so that kube-proxy's DNAT happens on the way), or an address as
 * written. A pod or Service that does not exist, or has no address, fails the step.
 */
final class Destinations {
  private Destinations() {}

  /** The address a {@code connect} step's {@code to} names. */
  static String of(StepContext ctx, JsonNode to) {
    if (to.isObject()) {
      return podIp(ctx, ctx.pods().resolve(to));
    }
    String text = to.asText();
    if (text.startsWith("svc:")) {
      return serviceIp(ctx, text.substring("svc:".length()));
    }
    return text.contains("/") ? podIp(ctx, text) : text;
  }

  /** A pod's IP; {@code pod} is {@code NS/NAME}. */
  static String podIp(StepContext ctx, String pod) {
    return address(ctx, "Pod", pod, "status.podIP");
  }

  /** A Service's ClusterIP; {@code service} is {@code NS/NAME}. */
  static String serviceIp(StepContext ctx, String service) {
    String ip = address(ctx, "Service", service, "spec.clusterIP");
    if (ip.equals("None")) {
      throw new StepFailure("Service " + service + " with a ClusterIP", "a headless Service (clusterIP: None)");
    }
    return ip;
  }

  private static String address(StepContext ctx, String kind, String nsName, String path) {
    int slash = nsName.indexOf('/');
    JsonNode object = ctx.stored(kind, nsName.substring(0, slash), nsName.substring(slash + 1))
        .orElseThrow(() -> new StepFailure(kind + " " + nsName, "not found"));
    return ctx.field(object, path)
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> new StepFailure(kind + " " + nsName + " with " + path, "none"));
  }
}
