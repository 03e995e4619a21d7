package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.PodTemplateSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table shared by {@code printReplicationController} and {@code printReplicaSet}: NAME DESIRED
 * CURRENT READY AGE, and with {@code -o wide} CONTAINERS IMAGES SELECTOR. Subclasses say how to
 * read their kind.
 */
abstract class ReplicasTable implements TablePrinter {
  /** What a row shows of one controller. */
  record Replicas(int desired, int current, int ready, Optional<PodTemplateSpec> template, String selector) {}

  abstract Replicas read(KubeObject object);

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
    Replicas r = read(object);
    List<String> cells = new ArrayList<>();
    cells.add(object.metadata().nameOrEmpty());
    cells.add(Integer.toString(r.desired()));
    cells.add(Integer.toString(r.current()));
    cells.add(Integer.toString(r.ready()));
    cells.add(Cells.age(object, now));
    if (wide) {
      String[] containers =
          Cells.containerCells(r.template().map(PodTemplateSpec::specOrEmpty).map(s -> s.containers()).orElse(List.of()));
      cells.add(containers[0]);
      cells.add(containers[1]);
      cells.add(r.selector());
    }
    return cells;
  }
}
