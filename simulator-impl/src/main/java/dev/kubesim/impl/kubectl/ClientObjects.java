package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.output.GoJson;
import dev.kubesim.impl.kubectl.output.GoYaml;

/**
 * An object a generator built and never sent ({@code --dry-run=client -o yaml|json}), printed as
 * kubectl prints it: {@code creationTimestamp: null} in its metadata, the namespace only when
 * {@code -n} named one, and the empty structs Go writes ({@code resources: {}}, {@code status: {}}).
 */
final class ClientObjects {
  private ClientObjects() {}

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
    if (object.kind().equals("Pod")) {
      // Go's encoder writes the empty structs a new pod holds: each container's resources and the status.
      for (com.fasterxml.jackson.databind.JsonNode c : tree.path("spec").path("containers")) {
        if (c instanceof ObjectNode container && !container.has("resources")) {
          container.putObject("resources");
        }
      }
      tree.putObject("status");
    } else if (object.kind().equals("Service")) {
      tree.putObject("status").putObject("loadBalancer");
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
