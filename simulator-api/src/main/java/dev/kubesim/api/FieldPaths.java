package dev.kubesim.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Navigates a JSON tree by a Kubernetes field path: {@code .} between fields, {@code [i]} for list
 * indexes and {@code [key]} for map keys that hold dots or slashes ({@code
 * metadata.labels[kubernetes.io/metadata.name]}), as in an object's JSON from {@link
 * Cluster#getJson}: {@code spec.ports[0].nodePort}.
 */
public final class FieldPaths {
  private FieldPaths() {}

  /**
   * The path's steps: field names, and bracketed parts as written between the brackets.
   *
   * @param path a field path such as {@code spec.ports[0].port}
   * @return its steps, e.g. {@code [spec, ports, 0, port]}
   */
  public static List<String> parse(String path) {
    List<String> steps = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.') {
        if (cur.length() > 0) {
          steps.add(cur.toString());
          cur.setLength(0);
        }
      } else if (c == '[') {
        if (cur.length() > 0) {
          steps.add(cur.toString());
          cur.setLength(0);
        }
        int end = path.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("unbalanced [ in field path " + path);
        }
        steps.add("[" + path.substring(i + 1, end));
        i = end;
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      steps.add(cur.toString());
    }
    return steps;
  }

  /**
   * The node at the path, or empty when any step is missing.
   *
   * @param root an object's JSON
   * @param path a field path such as {@code metadata.labels[app.kubernetes.io/name]}
   * @return the node found there, if every step exists
   */
  public static Optional<JsonNode> resolve(JsonNode root, String path) {
    JsonNode node = root;
    for (String step : parse(path)) {
      if (node == null || node.isMissingNode() || node.isNull()) {
        return Optional.empty();
      }
      if (step.startsWith("[")) {
        String inner = step.substring(1);
        if (node.isArray()) {
          int index;
          try {
            index = Integer.parseInt(inner);
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
          node = node.get(index);
        } else {
          node = node.get(inner);
        }
      } else {
        node = node.get(step);
      }
    }
    return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }
}
