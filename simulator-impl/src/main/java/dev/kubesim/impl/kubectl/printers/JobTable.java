package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.JobObjects;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.print.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code printJob}: NAME STATUS COMPLETIONS DURATION AGE, and with {@code -o wide} CONTAINERS
 * IMAGES SELECTOR. STATUS is the first of Complete, Failed, Terminating, Suspended, FailureTarget,
 * SuccessCriteriaMet that holds, else Running; COMPLETIONS is {@code succeeded/completions} (or
 * {@code n/1}, {@code n/1 of P} for a Job without completions); DURATION runs from the start time
 * to the completion time, or to now while the Job has none.
 */
public final class JobTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("CONTAINERS", "IMAGES", "SELECTOR");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    GenericObject job = (GenericObject) object;
    Map<String, Object> spec = JobObjects.spec(job);
    Map<String, Object> status = JobObjects.status(job);
    long succeeded = JobObjects.num(status, "succeeded").orElse(0L);
    String completions;
    Optional<Long> wanted = JobObjects.num(spec, "completions");
    if (wanted.isPresent()) {
      completions = succeeded + "/" + wanted.get();
    } else {
      long parallelism = JobObjects.num(spec, "parallelism").orElse(0L);
      completions = parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
    }
    Instant start = Cells.instant(Optional.of(StorageObjects.str(status, "startTime")));
    Instant end = Cells.instant(Optional.of(StorageObjects.str(status, "completionTime")));
    String duration = "";
    if (start != null) {
      duration = HumanDuration.humanDuration(Duration.between(start, end == null ? now : end));
    }
    List<String> row = new ArrayList<>(List.of(job.metadata().nameOrEmpty(), status(job), completions, duration,
        Cells.age(job, now)));
    if (wide) {
      PodTemplateSpec template;
      try {
        template = JobObjects.template(job);
      } catch (IllegalArgumentException e) {
        template = new PodTemplateSpec(null, null);
      }
      String[] containers = Cells.containerCells(template.specOrEmpty().containers());
      row.add(containers[0]);
      row.add(containers[1]);
      Object selector = spec.get("selector");
      row.add(selector == null ? "<none>"
          : LabelSelectorFormat.formatLabelSelector(ObjectCodec.mapper().convertValue(selector, LabelSelector.class)));
    }
    return row;
  }

  /** The STATUS cell. */
  static String status(GenericObject job) {
    if (JobObjects.conditionTrue(job, "Complete")) {
      return "Complete";
    }
    if (JobObjects.conditionTrue(job, "Failed")) {
      return "Failed";
    }
    if (job.metadata().deletionTimestamp().isPresent()) {
      return "Terminating";
    }
    if (JobObjects.conditionTrue(job, "Suspended")) {
      return "Suspended";
    }
    if (JobObjects.conditionTrue(job, "FailureTarget")) {
      return "FailureTarget";
    }
    if (JobObjects.conditionTrue(job, "SuccessCriteriaMet")) {
      return "SuccessCriteriaMet";
    }
    return "Running";
  }
}
