package dev.kubesim.impl.kubectl.describe;

import static dev.kubesim.impl.kubectl.print.PrefixWriter.LEVEL_0;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.JobObjects;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.print.Describer;
import dev.kubesim.impl.kubectl.printers.LabelSelectorFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code CronJobDescriber} ({@code describeCronJob}, {@code describeJobTemplate}, {@code printActiveJobs}). */
final class CronJobDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    GenericObject cj = (GenericObject) object;
    Map<String, Object> spec = StorageObjects.section(cj, "spec");
    Map<String, Object> status = StorageObjects.section(cj, "status");
    Map<String, Object> jobSpec = StorageObjects.map(StorageObjects.map(spec.get("jobTemplate")).get("spec"));
    Optional<PodTemplateSpec> template;
    try {
      template = Optional.of(jobSpec.get("template") == null ? new PodTemplateSpec(null, null)
          : ObjectCodec.mapper().convertValue(jobSpec.get("template"), PodTemplateSpec.class));
    } catch (IllegalArgumentException e) {
      template = Optional.empty();
    }
    Optional<PodTemplateSpec> shown = template;
    List<String> active = new ArrayList<>();
    for (Object a : JobObjects.list(status, "active")) {
      active.add(StorageObjects.str(StorageObjects.map(a), "name"));
    }
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", cj.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", cj.metadata().namespace().orElse(""));
      w.printLabelsMultiline("Labels", cj.metadata().labels());
      w.printAnnotationsMultiline("Annotations", cj.metadata().annotations());
      w.write(LEVEL_0, "Schedule:\t%s\n", StorageObjects.str(spec, "schedule"));
      w.write(LEVEL_0, "Concurrency Policy:\t%s\n", StorageObjects.str(spec, "concurrencyPolicy"));
      w.write(LEVEL_0, "Suspend:\t%s\n", spec.get("suspend") instanceof Boolean b ? (b ? "True" : "False") : "<unset>");
      w.write(LEVEL_0, "Successful Job History Limit:\t%s\n", number(spec, "successfulJobsHistoryLimit", ""));
      w.write(LEVEL_0, "Failed Job History Limit:\t%s\n", number(spec, "failedJobsHistoryLimit", ""));
      w.write(LEVEL_0, "Starting Deadline Seconds:\t%s\n", number(spec, "startingDeadlineSeconds", "s"));
      Object selector = jobSpec.get("selector");
      w.write(LEVEL_0, "Selector:\t%s\n", selector == null ? "<unset>"
          : LabelSelectorFormat.selectorString(ObjectCodec.mapper().convertValue(selector, LabelSelector.class)));
      w.write(LEVEL_0, "Parallelism:\t%s\n", number(jobSpec, "parallelism", ""));
      w.write(LEVEL_0, "Completions:\t%s\n", number(jobSpec, "completions", ""));
      JobObjects.num(jobSpec, "activeDeadlineSeconds").ifPresent(a -> w.write(LEVEL_0, "Active Deadline Seconds:\t%ds\n", a));
      PodSections.podTemplate(w, shown);
      String last = StorageObjects.str(status, "lastScheduleTime");
      w.write(LEVEL_0, "Last Schedule Time:\t%s\n", last.isEmpty() ? "<unset>" : GoTime.rfc1123z(Optional.of(last)));
      w.write(LEVEL_0, "%s:\t", "Active Jobs");
      w.writeLine(active.isEmpty() ? "<none>" : String.join(", ", active));
      EventsSection.write(w, EventsSection.find(ctx, cj, true), ctx.now());
    });
  }

  private static String number(Map<String, Object> m, String key, String unit) {
    return JobObjects.num(m, key).map(n -> n + unit).orElse("<unset>");
  }
}
