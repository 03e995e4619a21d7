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
import dev.kubesim.impl.kubectl.print.HumanDuration;
import dev.kubesim.impl.kubectl.printers.LabelSelectorFormat;
import dev.kubesim.impl.sim.Timestamps;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code JobDescriber} ({@code describeJob}). */
final class JobDescriber implements ObjectDescriber {
  @Override
  public String describe(KubeObject object, DescribeContext ctx) {
    GenericObject job = (GenericObject) object;
    Map<String, Object> spec = JobObjects.spec(job);
    Map<String, Object> status = JobObjects.status(job);
    Object rawSelector = spec.get("selector");
    LabelSelector selector = rawSelector == null ? new LabelSelector(null, null)
        : ObjectCodec.mapper().convertValue(rawSelector, LabelSelector.class);
    Optional<PodTemplateSpec> template;
    try {
      template = Optional.of(JobObjects.template(job));
    } catch (IllegalArgumentException e) {
      template = Optional.empty();
    }
    Optional<PodTemplateSpec> shown = template;
    String start = StorageObjects.str(status, "startTime");
    String end = StorageObjects.str(status, "completionTime");
    return Describer.tabbedString(w -> {
      w.write(LEVEL_0, "Name:\t%s\n", job.metadata().nameOrEmpty());
      w.write(LEVEL_0, "Namespace:\t%s\n", job.metadata().namespace().orElse(""));
      w.write(LEVEL_0, "Selector:\t%s\n", LabelSelectorFormat.selectorString(selector));
      w.printLabelsMultiline("Labels", job.metadata().labels());
      w.printAnnotationsMultiline("Annotations", job.metadata().annotations());
      job.metadata().controllerRef().ifPresent(ref -> w.write(LEVEL_0, "Controlled By:\t%s\n", ref.kind() + "/" + ref.name()));
      JobObjects.num(spec, "parallelism").ifPresent(p -> w.write(LEVEL_0, "Parallelism:\t%d\n", p));
      Optional<Long> completions = JobObjects.num(spec, "completions");
      if (completions.isPresent()) {
        w.write(LEVEL_0, "Completions:\t%d\n", completions.get());
      } else {
        w.write(LEVEL_0, "Completions:\t<unset>\n");
      }
      if (spec.get("completionMode") instanceof String mode) {
        w.write(LEVEL_0, "Completion Mode:\t%s\n", mode);
      }
      if (spec.get("suspend") instanceof Boolean suspend) {
        w.write(LEVEL_0, "Suspend:\t%s\n", suspend);
      }
      JobObjects.num(spec, "backoffLimit").ifPresent(b -> w.write(LEVEL_0, "Backoff Limit:\t%d\n", b));
      JobObjects.num(spec, "ttlSecondsAfterFinished").ifPresent(t -> w.write(LEVEL_0, "TTL Seconds After Finished:\t%d\n", t));
      if (!start.isEmpty()) {
        w.write(LEVEL_0, "Start Time:\t%s\n", GoTime.rfc1123z(Optional.of(start)));
      }
      if (!end.isEmpty()) {
        w.write(LEVEL_0, "Completed At:\t%s\n", GoTime.rfc1123z(Optional.of(end)));
      }
      if (!start.isEmpty() && !end.isEmpty()) {
        w.write(LEVEL_0, "Duration:\t%s\n",
            HumanDuration.humanDuration(Duration.between(Timestamps.parse(start), Timestamps.parse(end))));
      }
      JobObjects.num(spec, "activeDeadlineSeconds").ifPresent(a -> w.write(LEVEL_0, "Active Deadline Seconds:\t%ds\n", a));
      long active = JobObjects.num(status, "active").orElse(0L);
      long succeeded = JobObjects.num(status, "succeeded").orElse(0L);
      long failed = JobObjects.num(status, "failed").orElse(0L);
      Optional<Long> ready = JobObjects.num(status, "ready");
      if (ready.isEmpty()) {
        w.write(LEVEL_0, "Pods Statuses:\t%d Active / %d Succeeded / %d Failed\n", active, succeeded, failed);
      } else {
        w.write(LEVEL_0, "Pods Statuses:\t%d Active (%d Ready) / %d Succeeded / %d Failed\n", active, ready.get(), succeeded, failed);
      }
      if (JobObjects.indexed(job)) {
        String indexes = StorageObjects.str(status, "completedIndexes");
        w.write(LEVEL_0, "Completed Indexes:\t%s\n", indexes.isEmpty() ? "<none>" : indexes);
      }
      PodSections.podTemplate(w, shown);
      EventsSection.write(w, EventsSection.find(ctx, job, true), ctx.now());
    });
  }
}
