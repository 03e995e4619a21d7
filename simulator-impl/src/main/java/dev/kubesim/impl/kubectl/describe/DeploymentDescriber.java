package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.DeploymentStatus;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.RollingUpdateDeployment;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.printers.LabelSelectorFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DeploymentDescriber}: replicas, strategy, the pod template, conditions and the old and
 * new ReplicaSets ({@code NewReplicaSet} is the owned one whose template equals the Deployment's,
 * ignoring the {@code pod-template-hash} label).
 */
final class DeploymentDescriber implements ObjectDescriber {
  private static final String HASH_LABEL = "pod-template-hash";

  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Deployment d = (Deployment) object;
    DeploymentSpec spec = d.specOrEmpty();
    Optional<DeploymentStatus> status = d.status();
    LabelSelector selector = spec.selector().orElse(new LabelSelector(null, null));
    List<ReplicaSet> owned = new ArrayList<>();
    for (KubeObject o : ctx.list("ReplicaSet", d.metadata().namespace().orElse(""))) {
      ReplicaSet rs = (ReplicaSet) o;
      if (rs.metadata().controllerRef().filter(r -> r.uid().equals(d.metadata().uid().orElse(""))).isPresent()) {
        owned.add(rs);
      }
    }
    ReplicaSet newRs = null;
    for (ReplicaSet rs : owned) {
      if (sameTemplate(rs.specOrEmpty().template(), spec.template())) {
        newRs = rs;
        break;
      }
    }
    List<ReplicaSet> oldRs = new ArrayList<>(owned);
    oldRs.remove(newRs);
    ReplicaSet newest = newRs;
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", d.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", d.metadata().namespace().orElse(""));
      w.write(LEVEL_0, "CreationTimestamp:\t%s\n", GoTime.rfc1123z(d.metadata().creationTimestamp()));
      w.printLabelsMultiline("Labels", d.metadata().labels());
      w.printAnnotationsMultiline("Annotations", d.metadata().annotations());
      w.write(LEVEL_0, "Selector:\t%s\n", LabelSelectorFormat.selectorString(selector));
      w.write(LEVEL_0, "Replicas:\t%d desired | %d updated | %d total | %d available | %d unavailable\n",
          spec.replicas().orElse(1),
          status.flatMap(DeploymentStatus::updatedReplicas).orElse(0),
          status.flatMap(DeploymentStatus::replicas).orElse(0),
          status.flatMap(DeploymentStatus::availableReplicas).orElse(0),
          status.flatMap(DeploymentStatus::unavailableReplicas).orElse(0));
      String strategy = spec.strategy().flatMap(s -> s.type()).orElse("RollingUpdate");
      w.write(LEVEL_0, "StrategyType:\t%s\n", strategy);
      w.write(LEVEL_0, "MinReadySeconds:\t%d\n", spec.minReadySeconds().orElse(0));
      if (strategy.equals("RollingUpdate")) {
        RollingUpdateDeployment ru =
            spec.strategy().flatMap(s -> s.rollingUpdate()).orElse(new RollingUpdateDeployment(null, null));
        w.write(LEVEL_0, "RollingUpdateStrategy:\t%s max unavailable, %s max surge\n",
            ru.maxUnavailable().map(IntOrString::stringValue).orElse("25%"),
            ru.maxSurge().map(IntOrString::stringValue).orElse("25%"));
      }
      PodSections.podTemplate(w, spec.template());
      Conditions.write(w, status.map(DeploymentStatus::conditions).orElse(List.of()));
      if (!oldRs.isEmpty() || newest != null) {
        w.write(LEVEL_0, "OldReplicaSets:\t%s\n", replicaSets(oldRs));
        w.write(LEVEL_0, "NewReplicaSet:\t%s\n", replicaSets(newest == null ? List.of() : List.of(newest)));
      }
      EventsSection.write(w, EventsSection.find(ctx, d, true), ctx.now());
    });
  }

  /** {@code printReplicaSetsByLabels}. */
  private static String replicaSets(List<ReplicaSet> sets) {
    List<String> out = new ArrayList<>();
    for (ReplicaSet rs : sets) {
      out.add(rs.metadata().nameOrEmpty() + " (" + rs.status().flatMap(s -> s.replicas()).orElse(0) + "/"
          + rs.specOrEmpty().replicas().orElse(1) + " replicas created)");
    }
    return out.isEmpty() ? "<none>" : String.join(", ", out);
  }

  /** {@code EqualIgnoreHash}. */
  private static boolean sameTemplate(Optional<PodTemplateSpec> a, Optional<PodTemplateSpec> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return withoutHash(a.get()).equals(withoutHash(b.get()));
  }

  private static PodTemplateSpec withoutHash(PodTemplateSpec t) {
    Map<String, String> labels = new LinkedHashMap<>(t.metadata().labels());
    labels.remove(HASH_LABEL);
    return t.withMetadata(t.metadata().toBuilder().labels(labels).build());
  }
}
