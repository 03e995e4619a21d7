package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.CronSchedule;
import dev.kubesim.impl.apiserver.JobObjects;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.codec.ObjectCodec;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CronJobs ({@code pkg/registry/batch/cronjob}, {@code batch/v1}), kept as generic objects: {@code
 * SetDefaults_CronJob} (concurrency Allow, not suspended, three successful and one failed Job
 * kept), the job template's pod defaults, a cleared status on create, and the checks a user meets
 * first: a name of at most 52 characters, a schedule robfig/cron parses without a time zone
 * prefix, a known {@code timeZone}, a supported concurrency policy, and the Job template's restart
 * policy.
 */
public final class CronJobStrategy extends Strategy<GenericObject> {
  /** The longest CronJob name: the Job's name adds a dash and up to eleven digits. */
  static final int MAX_NAME_LENGTH = 52;

  /** The CronJob rules. */
  public CronJobStrategy() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject defaults(GenericObject cj) {
    Map<String, Object> spec = new LinkedHashMap<>(StorageObjects.section(cj, "spec"));
    spec.putIfAbsent("concurrencyPolicy", "Allow");
    spec.putIfAbsent("suspend", false);
    spec.putIfAbsent("successfulJobsHistoryLimit", 3);
    spec.putIfAbsent("failedJobsHistoryLimit", 1);
    if (spec.get("jobTemplate") instanceof Map<?, ?>) {
      Map<String, Object> jobTemplate = new LinkedHashMap<>(StorageObjects.map(spec.get("jobTemplate")));
      Map<String, Object> jobSpec = new LinkedHashMap<>(StorageObjects.map(jobTemplate.get("spec")));
      if (jobSpec.get("template") instanceof Map<?, ?>) {
        try {
          PodTemplateSpec t = ObjectCodec.mapper().convertValue(jobSpec.get("template"), PodTemplateSpec.class);
          jobSpec.put("template", JobObjects.templateMap(PodSpecDefaults.template(t)));
          jobTemplate.put("spec", jobSpec);
          spec.put("jobTemplate", jobTemplate);
        } catch (IllegalArgumentException e) {
          // a template the model cannot read is validated as written
        }
      }
    }
    Map<String, Object> content = new LinkedHashMap<>(cj.content());
    content.put("spec", spec);
    return new GenericObject(cj.apiVersion(), cj.kind(), cj.metadata(), content);
  }

  /** {@code PrepareForCreate}: the status is the controller's to write. */
  @Override
  public GenericObject admit(GenericObject cj, ApiServer api) {
    Map<String, Object> content = new LinkedHashMap<>(cj.content());
    content.remove("status");
    return new GenericObject(cj.apiVersion(), cj.kind(), cj.metadata(), content);
  }

  @Override
  public List<FieldError> validate(GenericObject cj) {
    List<FieldError> errs = new ArrayList<>();
    String name = cj.metadata().nameOrEmpty();
    if (name.length() > MAX_NAME_LENGTH) {
      errs.add(FieldError.invalid(FieldPath.root("metadata", "name"), name, "must be no more than 52 characters"));
    }
    Map<String, Object> spec = StorageObjects.section(cj, "spec");
    FieldPath path = FieldPath.root("spec");
    String schedule = StorageObjects.str(spec, "schedule");
    if (schedule.isEmpty()) {
      errs.add(FieldError.required(path.child("schedule"), ""));
    } else if (schedule.contains("TZ")) {
      errs.add(FieldError.invalid(path.child("schedule"), schedule,
          "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
    } else {
      try {
        CronSchedule.parse(schedule);
      } catch (CronSchedule.ParseException e) {
        errs.add(FieldError.invalid(path.child("schedule"), schedule, e.getMessage()));
      }
    }
    if (spec.get("timeZone") instanceof String zone && zoneOf(zone) == null) {
      errs.add(FieldError.invalid(path.child("timeZone"), zone, "unknown time zone " + zone));
    }
    Object policy = spec.get("concurrencyPolicy");
    if (policy != null && !List.of("Allow", "Forbid", "Replace").contains(policy)) {
      errs.add(FieldError.notSupported(path.child("concurrencyPolicy"), policy, List.of("Allow", "Forbid", "Replace")));
    }
    for (String field : List.of("startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit")) {
      JobObjects.num(spec, field).ifPresent(v -> errs.addAll(Workloads.nonNegative(v, path.child(field))));
    }
    Map<String, Object> jobSpec = StorageObjects.map(StorageObjects.map(spec.get("jobTemplate")).get("spec"));
    FieldPath templatePath = path.child("jobTemplate", "spec", "template");
    PodTemplateSpec template;
    try {
      template = jobSpec.get("template") == null ? new PodTemplateSpec(null, null)
          : ObjectCodec.mapper().convertValue(jobSpec.get("template"), PodTemplateSpec.class);
    } catch (IllegalArgumentException e) {
      return errs;
    }
    errs.addAll(PodTemplateValidation.validateTemplate(template, templatePath));
    String restart = template.specOrEmpty().restartPolicy().orElse("");
    if (restart.isEmpty() || restart.equals("Always")) {
      errs.add(FieldError.required(templatePath.child("spec", "restartPolicy"), "valid values: \"OnFailure\", \"Never\""));
    } else if (!restart.equals("OnFailure") && !restart.equals("Never")) {
      errs.add(FieldError.notSupported(templatePath.child("spec", "restartPolicy"), restart, List.of("OnFailure", "Never")));
    }
    return errs;
  }

  /** The zone Go's {@code time.LoadLocation} finds for an IANA name, or null ({@code Local} is refused). */
  public static ZoneId zoneOf(String name) {
    if (name.isEmpty() || name.equals("Local")) {
      return null;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code PrepareForUpdate}: the status is kept. */
  @Override
  public GenericObject prepareForUpdate(GenericObject cj, GenericObject old) {
    return Generic.withStatusOf(cj, old);
  }
}
