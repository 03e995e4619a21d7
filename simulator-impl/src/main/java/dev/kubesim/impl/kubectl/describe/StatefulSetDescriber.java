package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;
import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_1;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.PrefixWriter;
import dev.kubesim.impl.kubectl.printers.LabelSelectorFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code StatefulSetDescriber}: replicas, update strategy, pods, template, volume claim templates, events. */
final class StatefulSetDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Map<String, Object> content = object instanceof GenericObject g ? g.content() : Map.of();
    Map<?, ?> spec = map(content.get("spec"));
    Map<?, ?> status = map(content.get("status"));
    LabelSelector selector = new LabelSelector(null, null);
    if (spec.get("selector") instanceof Map<?, ?> s) {
      try {
        selector = ObjectCodec.mapper().convertValue(s, LabelSelector.class);
      } catch (IllegalArgumentException e) {
        selector = new LabelSelector(null, null);
      }
    }
    LabelSelector sel = selector;
    Optional<PodTemplateSpec> template = Optional.empty();
    if (spec.get("template") instanceof Map<?, ?> t) {
      try {
        template = Optional.of(ObjectCodec.mapper().convertValue(t, PodTemplateSpec.class));
      } catch (IllegalArgumentException e) {
        template = Optional.empty();
      }
    }
    Optional<PodTemplateSpec> podTemplate = template;
    PodStatusCounts counts = PodStatusCounts.of(ctx, object, labels -> LabelSelectorFormat.matches(sel, labels));
    Map<?, ?> strategy = map(spec.get("updateStrategy"));
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", object.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", object.metadata().namespace().orElse(""));
      w.write(LEVEL_0, "CreationTimestamp:\t%s\n", GoTime.rfc1123z(object.metadata().creationTimestamp()));
      w.write(LEVEL_0, "Selector:\t%s\n", LabelSelectorFormat.selectorString(sel));
      w.printLabelsMultiline("Labels", object.metadata().labels());
      w.printAnnotationsMultiline("Annotations", object.metadata().annotations());
      w.write(LEVEL_0, "Replicas:\t%d desired | %d total\n", number(spec.get("replicas"), 1), number(status.get("replicas"), 0));
      w.write(LEVEL_0, "Update Strategy:\t%s\n", text(strategy.get("type")));
      if (strategy.get("rollingUpdate") instanceof Map<?, ?> ru && ru.get("partition") != null) {
        w.write(LEVEL_1, "Partition:\t%d\n", number(ru.get("partition"), 0));
        if (ru.get("maxUnavailable") != null) {
          w.write(LEVEL_1, "MaxUnavailable:\t%s\n", String.valueOf(ru.get("maxUnavailable")));
        }
      }
      w.write(LEVEL_0, "Pods Status:\t%s\n", counts.line());
      PodSections.podTemplate(w, podTemplate);
      volumeClaimTemplates(w, spec.get("volumeClaimTemplates") instanceof List<?> l ? l : List.of());
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }

  /** {@code describeVolumeClaimTemplates}. */
  private static void volumeClaimTemplates(PrefixWriter w, List<?> templates) {
    if (templates.isEmpty()) {
      w.write(LEVEL_0, "Volume Claims:\t<none>\n");
      return;
    }
    w.write(LEVEL_0, "Volume Claims:\n");
    for (Object o : templates) {
      Map<?, ?> pvc = map(o);
      Map<?, ?> meta = map(pvc.get("metadata"));
      Map<?, ?> claimSpec = map(pvc.get("spec"));
      Map<String, String> annotations = strings(meta.get("annotations"));
      w.write(LEVEL_1, "Name:\t%s\n", text(meta.get("name")));
      String storageClass = annotations.getOrDefault("volume.beta.kubernetes.io/storage-class", text(claimSpec.get("storageClassName")));
      w.write(LEVEL_1, "StorageClass:\t%s\n", storageClass);
      w.printLabelsMultilineWithIndent("  ", "Labels", "\t", strings(meta.get("labels")), Set.of());
      w.printLabelsMultilineWithIndent("  ", "Annotations", "\t", annotations, Set.of());
      Object capacity = map(map(claimSpec.get("resources")).get("requests")).get("storage");
      w.write(LEVEL_1, "Capacity:\t%s\n", capacity == null ? "<default>" : String.valueOf(capacity));
      List<?> modes = claimSpec.get("accessModes") instanceof List<?> l ? l : List.of();
      StringBuilder shown = new StringBuilder("[");
      for (int i = 0; i < modes.size(); i++) {
        shown.append(i == 0 ? "" : " ").append(modes.get(i));
      }
      w.write(LEVEL_1, "Access Modes:\t%s\n", shown.append(']').toString());
    }
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    map(value).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }

  private static int number(Object value, int absent) {
    return value instanceof Number n ? n.intValue() : absent;
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
