package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code env[].valueFrom.fieldRef}: the downward API's pod fields, as the kubelet's {@code
 * podFieldSelectorRuntimeValue} and {@code fieldpath.ExtractFieldPathAsString} read them.
 */
final class PodFieldRef {
  private PodFieldRef() {}

  /**
   * The field's value; empty for a {@code valueFrom} that is not a {@code fieldRef} (ConfigMaps,
   * Secrets and resource fields are not modelled) or a path the API server would have rejected.
   */
  static Optional<String> value(Object valueFrom, Pod pod, String podIP, String hostIP) {
    if (!(valueFrom instanceof Map<?, ?> from) || !(from.get("fieldRef") instanceof Map<?, ?> ref)
        || !(ref.get("fieldPath") instanceof String path)) {
      return Optional.empty();
    }
    ObjectMeta m = pod.metadata();
    PodSpec spec = pod.spec().orElseThrow();
    return switch (path) {
      case "spec.nodeName" -> Optional.of(spec.nodeName().orElse(""));
      case "spec.serviceAccountName" -> Optional.of(spec.serviceAccountName().orElse(""));
      case "status.hostIP", "status.hostIPs" -> Optional.of(hostIP);
      case "status.podIP", "status.podIPs" -> Optional.of(podIP);
      case "metadata.name" -> Optional.of(m.nameOrEmpty());
      case "metadata.namespace" -> Optional.of(m.namespace().orElse(""));
      case "metadata.uid" -> Optional.of(m.uid().orElse(""));
      case "metadata.labels" -> Optional.of(formatMap(m.labels()));
      case "metadata.annotations" -> Optional.of(formatMap(m.annotations()));
      default -> subscript(path, "metadata.labels", m.labels())
          .or(() -> subscript(path, "metadata.annotations", m.annotations()));
    };
  }

  /** {@code metadata.labels['key']}: the value, or an empty string when the key is absent. */
  private static Optional<String> subscript(String path, String field, Map<String, String> values) {
    String open = field + "['";
    if (!path.startsWith(open) || !path.endsWith("']")) {
      return Optional.empty();
    }
    return Optional.of(values.getOrDefault(path.substring(open.length(), path.length() - 2), ""));
  }

  /** {@code FormatMap}: {@code key="value"} lines in key order, without the last newline. */
  private static String formatMap(Map<String, String> values) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(values).forEach((k, v) -> b.append(k).append("=\"").append(v.replace("\\", "\\\\")
        .replace("\"", "\\\"").replace("\n", "\\n")).append("\"\n"));
    return b.length() == 0 ? "" : b.substring(0, b.length() - 1);
  }
}
