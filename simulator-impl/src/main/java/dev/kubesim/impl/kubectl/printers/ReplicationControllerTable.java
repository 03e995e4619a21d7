package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.ReplicationControllerSpec;
import dev.kubesim.api.model.ReplicationControllerStatus;
import dev.kubesim.impl.kubectl.print.LabelFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code printReplicationController}: NAME DESIRED CURRENT READY AGE, and with {@code -o wide}
 * CONTAINERS IMAGES SELECTOR.
 */
public final class ReplicationControllerTable implements TablePrinter {
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
    ReplicationController rc = (ReplicationController) object;
    ReplicationControllerSpec spec = rc.specOrEmpty();
    ReplicationControllerStatus status = rc.status().orElse(null);
    List<String> cells = new ArrayList<>();
    cells.add(rc.metadata().nameOrEmpty());
    cells.add(Integer.toString(spec.replicas().orElse(1)));
    cells.add(Integer.toString(status == null ? 0 : status.replicas().orElse(0)));
    cells.add(Integer.toString(status == null ? 0 : status.readyReplicas().orElse(0)));
    cells.add(Cells.age(rc, now));
    if (wide) {
      String[] containers =
          Cells.containerCells(spec.template().map(PodTemplateSpec::specOrEmpty).map(s -> s.containers()).orElse(List.of()));
      cells.add(containers[0]);
      cells.add(containers[1]);
      cells.add(LabelFormat.formatLabels(spec.selector()));
    }
    return cells;
  }
}
