package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicaSetSpec;
import dev.kubesim.api.model.ReplicaSetStatus;
import java.util.Optional;

/** {@code printReplicaSet}: a label selector, printed as kubectl formats one. */
public final class ReplicaSetTable extends ReplicasTable {
  @Override
  Replicas read(KubeObject object) {
    ReplicaSet rs = (ReplicaSet) object;
    ReplicaSetSpec spec = rs.specOrEmpty();
    Optional<ReplicaSetStatus> status = rs.status();
    return new Replicas(
        spec.replicas().orElse(1),
        status.flatMap(ReplicaSetStatus::replicas).orElse(0),
        status.flatMap(ReplicaSetStatus::readyReplicas).orElse(0),
        spec.template(),
        LabelSelectorFormat.formatLabelSelector(spec.selector().orElse(new LabelSelector(null, null))));
  }
}
