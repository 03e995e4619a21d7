package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.kubectl.print.Describer;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code describeConfigMap}: name, namespace, labels, annotations, each {@code data} key with its
 * value under a {@code ----} line and an empty line after it, each {@code binaryData} key with its size in bytes, keys in
 * order, then its events.
 */
final class ConfigMapDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Map<String, Object> content = object instanceof GenericObject g ? g.content() : Map.of();
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", object.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", object.metadata().namespace().orElse(""));
      w.printLabelsMultiline("Labels", object.metadata().labels());
      w.printAnnotationsMultiline("Annotations", object.metadata().annotations());
      w.write(LEVEL_0, "\nData\n====\n");
      strings(content.get("data")).forEach((k, v) -> {
        w.write(LEVEL_0, "%s:\n----\n", k);
        w.write(LEVEL_0, "%s\n", v);
        w.write(LEVEL_0, "\n");
      });
      w.write(LEVEL_0, "\nBinaryData\n====\n");
      strings(content.get("binaryData")).forEach((k, v) ->
          w.write(LEVEL_0, "%s: %d bytes\n", k, SecretDescriber.decodedLength(v)));
      w.write(LEVEL_0, "\n");
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }

  /** A map of strings, in key order; empty for anything else. */
  static Map<String, String> strings(Object value) {
    Map<String, String> out = new TreeMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    return out;
  }
}
