package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the references of the format ({@code ${pod:NS/NAME}}, {@code ${svc:NS/NAME}}, {@code
 * ${node:NAME}}, {@code ${lb:NS/NAME}}, {@code ${nodeport:NS/NAME:PORT}}, {@code ${ingress}}) in
 * every string of a step, keys included, with their current values. The result of a substitution
 * is always a string: {@code '${nodeport:...}'} stays text, it does not turn into a number. A
 * reference that cannot be resolved, or a {@code ${} that is not one, fails the step.
 */
final class References {
  private static final Pattern REF = Pattern.compile("\\$\\{([^}]*)}");

  private final StepContext ctx;

  References(StepContext ctx) {
    this.ctx = ctx;
  }

  /** A copy of the tree with every reference replaced. */
  JsonNode substitute(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(substitute(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> out.add(substitute(item)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.set(substitute(e.getKey()), substitute(e.getValue()));
      }
      return out;
    }
    return node;
  }

  /** The text with every reference replaced. */
  String substitute(String text) {
    if (!text.contains("${")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = REF.matcher(text);
    int last = 0;
    while (m.find()) {
      String before = text.substring(last, m.start());
      if (before.contains("${")) {
        throw malformed(before.substring(before.indexOf("${")));
      }
      out.append(before).append(resolve(m.group(1)));
      last = m.end();
    }
    String rest = text.substring(last);
    if (rest.contains("${")) {
      throw malformed(rest.substring(rest.indexOf("${")));
    }
    return out.append(rest).toString();
  }

  private static StepFailure malformed(String at) {
    return new StepFailure("a reference such as ${svc:NS/NAME}", "unterminated " + Texts.quote(Texts.cut(at)));
  }

  /** The value of one reference, written without {@code ${ }}. */
  String resolve(String ref) {
    String reference = "${" + ref + "}";
    if (ref.equals("ingress")) {
      return ctx.target().ingressAddress().orElseThrow(() -> unresolved(reference, "no ingress controller address"));
    }
    int colon = ref.indexOf(':');
    if (colon < 0) {
      throw unresolved(reference, "unknown reference");
    }
    String kind = ref.substring(0, colon);
    String arg = ref.substring(colon + 1);
    return switch (kind) {
      case "pod" -> field(reference, "Pod", arg, "status.podIP");
      case "svc" -> field(reference, "Service", arg, "spec.clusterIP");
      case "lb" -> field(reference, "Service", arg, "status.loadBalancer.ingress[0].ip");
      case "node" -> nodeIP(reference, arg);
      case "nodeport" -> nodePort(reference, arg);
      default -> throw unresolved(reference, "unknown reference kind " + Texts.quote(kind));
    };
  }

  private String field(String reference, String kind, String nsName, String path) {
    JsonNode object = object(reference, kind, nsName);
    return ctx.field(object, path)
        .filter(JsonNode::isValueNode)
        .map(JsonNode::asText)
        .orElseThrow(() -> unresolved(reference, kind + " " + nsName + " has no " + path));
  }

  private JsonNode object(String reference, String kind, String nsName) {
    String[] parts = nsName.split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw unresolved(reference, "expected NS/NAME, got " + Texts.quote(nsName));
    }
    return ctx.stored(kind, parts[0], parts[1]).orElseThrow(() -> unresolved(reference, kind + " " + nsName + " not found"));
  }

  private String nodeIP(String reference, String name) {
    JsonNode node = ctx.stored("Node", "", name).orElseThrow(() -> unresolved(reference, "Node " + name + " not found"));
    for (JsonNode address : node.path("status").path("addresses")) {
      if ("InternalIP".equals(address.path("type").asText())) {
        return address.path("address").asText();
      }
    }
    throw unresolved(reference, "Node " + name + " has no InternalIP in status.addresses");
  }

  private String nodePort(String reference, String arg) {
    int colon = arg.lastIndexOf(':');
    if (colon < 0) {
      throw unresolved(reference, "expected NS/NAME:PORT");
    }
    String nsName = arg.substring(0, colon);
    String port = arg.substring(colon + 1);
    JsonNode service = object(reference, "Service", nsName);
    Optional<JsonNode> match = Optional.empty();
    // A port name wins over a port number, as the README orders them.
    for (JsonNode p : service.path("spec").path("ports")) {
      if (port.equals(p.path("name").asText(null))) {
        match = Optional.of(p);
        break;
      }
    }
    if (match.isEmpty()) {
      for (JsonNode p : service.path("spec").path("ports")) {
        if (p.path("port").isIntegralNumber() && port.equals(p.path("port").asText())) {
          match = Optional.of(p);
          break;
        }
      }
    }
    JsonNode p = match.orElseThrow(() -> unresolved(reference, "Service " + nsName + " has no port named or numbered " + port));
    if (!p.path("nodePort").isIntegralNumber()) {
      throw unresolved(reference, "Service " + nsName + " port " + port + " has no nodePort");
    }
    return p.get("nodePort").asText();
  }

  private static StepFailure unresolved(String reference, String why) {
    return new StepFailure("a value for " + reference, why);
  }
}
