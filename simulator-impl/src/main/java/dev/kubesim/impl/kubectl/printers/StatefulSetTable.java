package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.codec.ObjectCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code printStatefulSet}: NAME READY AGE (READY is ready/desired), and with {@code -o wide}
 * CONTAINERS IMAGES.
 */
public final class StatefulSetTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "READY", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("CONTAINERS", "IMAGES");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Map<String, Object> content = object instanceof GenericObject g ? g.content() : Map.of();
    Map<?, ?> spec = content.get("spec") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> status = content.get("status") instanceof Map<?, ?> m ? m : Map.of();
    int desired = spec.get("replicas") instanceof Number n ? n.intValue() : 1;
    int ready = status.get("readyReplicas") instanceof Number n ? n.intValue() : 0;
    List<String> cells = new ArrayList<>();
    cells.add(object.metadata().nameOrEmpty());
    cells.add(ready + "/" + desired);
    cells.add(Cells.age(object, now));
    if (wide) {
      String[] containers = Cells.containerCells(template(spec).specOrEmpty().containers());
      cells.add(containers[0]);
      cells.add(containers[1]);
    }
    return cells;
  }

  /** The set's pod template, decoded; an empty one when it does not decode. */
  static PodTemplateSpec template(Map<?, ?> spec) {
    if (spec.get("template") instanceof Map<?, ?> t) {
      try {
        return ObjectCodec.mapper().convertValue(t, PodTemplateSpec.class);
      } catch (IllegalArgumentException e) {
        return new PodTemplateSpec(null, null);
      }
    }
    return new PodTemplateSpec(null, null);
  }
}
