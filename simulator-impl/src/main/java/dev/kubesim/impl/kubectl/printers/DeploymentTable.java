package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.DeploymentStatus;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code printDeployment}: NAME READY UP-TO-DATE AVAILABLE AGE (READY is ready/desired), and with
 * {@code -o wide} CONTAINERS IMAGES SELECTOR.
 */
public final class DeploymentTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("CONTAINERS", "IMAGES", "SELECTOR");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    Deployment d = (Deployment) object;
    DeploymentSpec spec = d.specOrEmpty();
    DeploymentStatus status = d.status().orElse(null);
    int desired = spec.replicas().orElse(1);
    int ready = status == null ? 0 : status.readyReplicas().orElse(0);
    List<String> cells = new ArrayList<>();
    cells.add(d.metadata().nameOrEmpty());
    cells.add(ready + "/" + desired);
    cells.add(Integer.toString(status == null ? 0 : status.updatedReplicas().orElse(0)));
    cells.add(Integer.toString(status == null ? 0 : status.availableReplicas().orElse(0)));
    cells.add(Cells.age(d, now));
    if (wide) {
      String[] containers =
          Cells.containerCells(spec.template().map(PodTemplateSpec::specOrEmpty).map(s -> s.containers()).orElse(List.of()));
      cells.add(containers[0]);
      cells.add(containers[1]);
      cells.add(LabelSelectorFormat.selectorString(spec.selector().orElse(new LabelSelector(null, null))));
    }
    return cells;
  }
}
