package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.print.LabelFormat;
import dev.kubesim.impl.kubectl.printers.DaemonSetTable;
import dev.kubesim.impl.kubectl.printers.LabelSelectorFormat;
import java.util.Map;
import java.util.Optional;

/** {@code DaemonSetDescriber} ({@code describeDaemonSet}): the status counts, the pods by phase, the template, the events. */
final class DaemonSetDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    Map<?, ?> content = object instanceof GenericObject g ? g.content() : Map.of();
    Map<?, ?> spec = content.get("spec") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> status = content.get("status") instanceof Map<?, ?> m ? m : Map.of();
    LabelSelector selector = DaemonSetTable.selector(spec.get("selector"));
    Optional<PodTemplateSpec> template = DaemonSetTable.template(spec.get("template"));
    PodStatusCounts counts = PodStatusCounts.of(ctx, object, labels -> LabelSelectorFormat.matches(selector, labels));
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", object.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", object.metadata().namespace().orElse(""));
      w.write(LEVEL_0, "Selector:\t%s\n", LabelSelectorFormat.selectorString(selector));
      w.write(LEVEL_0, "Node-Selector:\t%s\n", LabelFormat.formatLabels(template.map(t -> t.specOrEmpty().nodeSelector()).orElse(Map.of())));
      w.printLabelsMultiline("Labels", object.metadata().labels());
      w.printAnnotationsMultiline("Annotations", object.metadata().annotations());
      w.write(LEVEL_0, "Desired Number of Nodes Scheduled: %d\n", count(status, "desiredNumberScheduled"));
      w.write(LEVEL_0, "Current Number of Nodes Scheduled: %d\n", count(status, "currentNumberScheduled"));
      w.write(LEVEL_0, "Number of Nodes Scheduled with Up-to-date Pods: %d\n", count(status, "updatedNumberScheduled"));
      w.write(LEVEL_0, "Number of Nodes Scheduled with Available Pods: %d\n", count(status, "numberAvailable"));
      w.write(LEVEL_0, "Number of Nodes Misscheduled: %d\n", count(status, "numberMisscheduled"));
      w.write(LEVEL_0, "Pods Status:\t");
      w.write(LEVEL_0, "%s\n", counts.line());
      PodSections.podTemplate(w, template);
      EventsSection.write(w, EventsSection.find(ctx, object, true), ctx.now());
    });
  }

  private static long count(Map<?, ?> status, String field) {
    return status.get(field) instanceof Number n ? n.longValue() : 0;
  }
}
