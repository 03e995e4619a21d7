package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.print.LabelFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code printDaemonSet}: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE (the
 * status counts, and the template's {@code nodeSelector} as {@code labels.FormatLabels} writes
 * it), and with {@code -o wide} CONTAINERS IMAGES SELECTOR.
 */
public final class DaemonSetTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("CONTAINERS", "IMAGES", "SELECTOR");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Map<?, ?> content = object instanceof GenericObject g ? g.content() : Map.of();
    Map<?, ?> spec = content.get("spec") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> status = content.get("status") instanceof Map<?, ?> m ? m : Map.of();
    Optional<PodTemplateSpec> template = template(spec.get("template"));
    List<String> cells = new ArrayList<>();
    cells.add(object.metadata().nameOrEmpty());
    for (String field : List.of("desiredNumberScheduled", "currentNumberScheduled", "numberReady", "updatedNumberScheduled",
        "numberAvailable")) {
      cells.add(Long.toString(status.get(field) instanceof Number n ? n.longValue() : 0));
    }
    cells.add(LabelFormat.formatLabels(template.map(t -> t.specOrEmpty().nodeSelector()).orElse(Map.of())));
    cells.add(Cells.age(object, now));
    if (wide) {
      String[] containers = Cells.containerCells(template.map(t -> t.specOrEmpty().containers()).orElse(List.of()));
      cells.add(containers[0]);
      cells.add(containers[1]);
      cells.add(LabelSelectorFormat.formatLabelSelector(selector(spec.get("selector"))));
    }
    return cells;
  }

  /** A DaemonSet's pod template decoded into the model, if it decodes. */
  public static Optional<PodTemplateSpec> template(Object raw) {
    try {
      return raw == null ? Optional.empty() : Optional.of(ObjectCodec.mapper().convertValue(raw, PodTemplateSpec.class));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A DaemonSet's selector decoded into the model; an empty one when absent or malformed. */
  public static LabelSelector selector(Object raw) {
    try {
      return raw == null ? new LabelSelector(null, null) : ObjectCodec.mapper().convertValue(raw, LabelSelector.class);
    } catch (IllegalArgumentException e) {
      return new LabelSelector(null, null);
    }
  }
}
