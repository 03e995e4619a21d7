package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.ReplicationControllerSpec;
import dev.kubesim.api.model.ReplicationControllerStatus;
import dev.kubesim.impl.kubectl.print.LabelFormat;
import java.util.Optional;

/** {@code printReplicationController}: a map selector, printed as {@code app=kubia}. */
public final class ReplicationControllerTable extends ReplicasTable {
  @Override
  Replicas read(KubeObject object) {
    ReplicationController rc = (ReplicationController) object;
    ReplicationControllerSpec spec = rc.specOrEmpty();
    Optional<ReplicationControllerStatus> status = rc.status();
    return new Replicas(
        spec.replicas().orElse(1),
        status.flatMap(ReplicationControllerStatus::replicas).orElse(0),
        status.flatMap(ReplicationControllerStatus::readyReplicas).orElse(0),
        spec.template(),
        LabelFormat.formatLabels(spec.selector()));
  }
}
