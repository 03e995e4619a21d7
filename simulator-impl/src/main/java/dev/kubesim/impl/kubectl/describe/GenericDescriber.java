package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * kubectl's {@code GenericDescriber}, used for custom resources and CustomResourceDefinitions: name,
 * namespace, labels and annotations, then every other field of the object ({@code
 * printUnstructuredContent}: keys sorted, named by {@code smartLabelFor} — {@code cronSpec} as
 * {@code Cron Spec}, {@code apiVersion} as {@code API Version}), then the events.
 */
public final class GenericDescriber implements ObjectDescriber {
  private static final Set<String> SKIP =
      Set.of(".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations");
  private static final Set<String> ACRONYMS = Set.of("API", "URL", "UID", "OSB", "GUID");

  /** The generic describer. */
  public GenericDescriber() {}

  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    JsonNode tree = ObjectCodec.encode(object);
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", object.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", object.metadata().namespace().orElse(""));
      w.printLabelsMultiline("Labels", object.metadata().labels());
      w.printAnnotationsMultiline("Annotations", object.metadata().annotations());
      content(w, LEVEL_0, tree, "");
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }

  private static void content(PrefixWriter w, int level, JsonNode map, String prefix) {
    TreeMap<String, JsonNode> fields = new TreeMap<>();
    map.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    fields.forEach((field, value) -> {
      String path = prefix + "." + field;
      if (SKIP.contains(path)) {
        return;
      }
      if (value.isObject()) {
        w.write(level, "%s:\n", smartLabelFor(field));
        content(w, level + 1, value, path);
      } else if (value.isArray()) {
        w.write(level, "%s:\n", smartLabelFor(field));
        for (JsonNode child : value) {
          if (child.isObject()) {
            content(w, level + 1, child, path);
          } else {
            w.write(level + 1, "%s\n", text(child));
          }
        }
      } else {
        w.write(level, "%s:\t%s\n", smartLabelFor(field), text(value));
      }
    });
  }

  private static String text(JsonNode v) {
    return v.isNull() ? "<nil>" : v.isValueNode() ? v.asText() : v.toString();
  }

  /** kubectl's {@code smartLabelFor}: camel-case words, capitalised, common acronyms upper-case. */
  static String smartLabelFor(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (!Character.isLetter(c) && c != '-') {
        return field;
      }
    }
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      boolean upper = Character.isUpperCase(c);
      if (part.length() > 0) {
        char prev = part.charAt(part.length() - 1);
        boolean nextLower = i + 1 < field.length() && Character.isLowerCase(field.charAt(i + 1));
        if (upper && (!Character.isUpperCase(prev) || nextLower)) {
          parts.add(part.toString());
          part.setLength(0);
        }
      }
      part.append(c);
    }
    if (part.length() > 0) {
      parts.add(part.toString());
    }
    List<String> words = new ArrayList<>();
    for (String p : parts) {
      String up = p.toUpperCase(Locale.ROOT);
      words.add(ACRONYMS.contains(up) ? up : Character.toUpperCase(p.charAt(0)) + p.substring(1));
    }
    return String.join(" ", words);
  }
}
