package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.ReplicationControllerSpec;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.LabelFormat;
import java.util.List;
import java.util.Map;

/** {@code ReplicationControllerDescriber}. */
final class ReplicationControllerDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    ReplicationController rc = (ReplicationController) object;
    ReplicationControllerSpec spec = rc.specOrEmpty();
    Map<String, String> selector = spec.selector();
    // labels.SelectorFromSet: every pair must match; an empty set matches every pod
    PodStatusCounts counts =
        PodStatusCounts.of(ctx, rc, labels -> selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey()))));
    int current = rc.status().flatMap(s -> s.replicas()).orElse(0);
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", rc.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", rc.metadata().namespace().orElse(""));
      w.write(LEVEL_0, "Selector:\t%s\n", LabelFormat.formatLabels(selector));
      w.printLabelsMultiline("Labels", rc.metadata().labels());
      w.printAnnotationsMultiline("Annotations", rc.metadata().annotations());
      w.write(LEVEL_0, "Replicas:\t%d current / %d desired\n", current, spec.replicas().orElse(1));
      w.write(LEVEL_0, "Pods Status:\t%s\n", counts.line());
      PodSections.podTemplate(w, spec.template());
      Conditions.write(w, rc.status().map(s -> s.conditions()).orElse(List.of()));
      EventsSection.write(w, EventsSection.find(ctx, rc, true), ctx.now());
    });
  }
}
