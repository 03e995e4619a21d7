package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicaSetSpec;
import dev.kubesim.api.model.ReplicaSetStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code printReplicaSet}: NAME DESIRED CURRENT READY AGE, and with {@code -o wide} CONTAINERS
 * IMAGES SELECTOR.
 */
public final class ReplicaSetTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "DESIRED", "CURRENT", "READY", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("CONTAINERS", "IMAGES", "SELECTOR");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    ReplicaSet rs = (ReplicaSet) object;
    ReplicaSetSpec spec = rs.specOrEmpty();
    ReplicaSetStatus status = rs.status().orElse(null);
    List<String> cells = new ArrayList<>();
    cells.add(rs.metadata().nameOrEmpty());
    cells.add(Integer.toString(spec.replicas().orElse(1)));
    cells.add(Integer.toString(status == null ? 0 : status.replicas().orElse(0)));
    cells.add(Integer.toString(status == null ? 0 : status.readyReplicas().orElse(0)));
    cells.add(Cells.age(rs, now));
    if (wide) {
      String[] containers =
          Cells.containerCells(spec.template().map(PodTemplateSpec::specOrEmpty).map(s -> s.containers()).orElse(List.of()));
      cells.add(containers[0]);
      cells.add(containers[1]);
      cells.add(LabelSelectorFormat.formatLabelSelector(spec.selector().orElse(new LabelSelector(null, null))));
    }
    return cells;
  }
}
