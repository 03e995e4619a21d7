package dev.kubesim.impl.codec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document of a manifest: where it came from (a file path, {@code STDIN}, a classpath
 * resource), its index within that source (0-based, counting {@code kind: List} items in order),
 * its content as a tree, and about how many bytes it takes as the JSON body of the request kubectl
 * would send for it (0 when not measured).
 */
public record Document(String source, int index, JsonNode tree, long requestBytes) {
  /** A document whose request size is not measured (small by construction). */
  public Document(String source, int index, JsonNode tree) {
    this(source, index, tree, 0);
  }

  /** {@code kind} as written, or {@code ""}. */
  public String kind() {
    JsonNode kind = tree.get("kind");
    return kind != null && kind.isTextual() ? kind.asText() : "";
  }

  /** {@code metadata.name} as written, or {@code ""}. */
  public String name() {
    JsonNode name = tree.path("metadata").get("name");
    return name != null && name.isTextual() ? name.asText() : "";
  }

  /** {@code metadata.namespace} as written, or {@code ""}. */
  public String namespace() {
    JsonNode ns = tree.path("metadata").get("namespace");
    return ns != null && ns.isTextual() ? ns.asText() : "";
  }

  /** How kubectl names the source in its messages, e.g. {@code "kubia-svc.yaml"}. */
  public String describe() {
    return "\"" + source + "\"";
  }
}
