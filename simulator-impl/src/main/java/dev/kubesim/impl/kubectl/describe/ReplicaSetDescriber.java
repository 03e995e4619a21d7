package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.ReplicaSet;
import dev.kubesim.api.model.ReplicaSetSpec;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.printers.LabelSelectorFormat;
import java.util.List;

/** {@code ReplicaSetDescriber}. */
final class ReplicaSetDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    ReplicaSet rs = (ReplicaSet) object;
    ReplicaSetSpec spec = rs.specOrEmpty();
    LabelSelector selector = spec.selector().orElse(new LabelSelector(null, null));
    PodStatusCounts counts = PodStatusCounts.of(ctx, rs, labels -> LabelSelectorFormat.matches(selector, labels));
    int current = rs.status().flatMap(s -> s.replicas()).orElse(0);
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", rs.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", rs.metadata().namespace().orElse(""));
      w.write(LEVEL_0, "Selector:\t%s\n", LabelSelectorFormat.formatLabelSelector(selector));
      w.printLabelsMultiline("Labels", rs.metadata().labels());
      w.printAnnotationsMultiline("Annotations", rs.metadata().annotations());
      rs.metadata().controllerRef().ifPresent(ref -> w.write(LEVEL_0, "Controlled By:\t%s\n", ref.kind() + "/" + ref.name()));
      w.write(LEVEL_0, "Replicas:\t%d current / %d desired\n", current, spec.replicas().orElse(1));
      w.write(LEVEL_0, "Pods Status:\t");
      w.write(LEVEL_0, "%s\n", counts.line());
      PodSections.podTemplate(w, spec.template());
      Conditions.write(w, rs.status().map(s -> s.conditions()).orElse(List.of()));
      EventsSection.write(w, EventsSection.find(ctx, rs, true), ctx.now());
    });
  }
}
