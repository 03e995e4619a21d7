package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.JobObjects;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Jobs ({@code pkg/registry/batch/job}, {@code batch/v1}), kept as generic objects: {@code
 * SetDefaults_Job} (one completion and one pod at a time, six retries, NonIndexed, not suspended,
 * pods replaced once terminating or failed), the template's pod defaults, the selector generated from the Job's uid and the
 * labels it selects, a cleared status on create, and the part of {@code ValidateJob} a user meets
 * first: the restart policy (which a Job must choose: {@code OnFailure} or {@code Never}), non-negative counts and the pod template's own rules.
 */
public final class JobStrategy extends Strategy<GenericObject> {
  /** The Job rules. */
  public JobStrategy() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject defaults(GenericObject job) {
    Map<String, Object> spec = new LinkedHashMap<>(JobObjects.spec(job));
    if (!spec.containsKey("parallelism")) {
      spec.put("parallelism", 1);
      if (!spec.containsKey("completions")) {
        spec.put("completions", 1);
      }
    }
    spec.putIfAbsent("backoffLimit", 6);
    spec.putIfAbsent("completionMode", "NonIndexed");
    spec.putIfAbsent("suspend", false);
    spec.putIfAbsent("manualSelector", false);
    spec.putIfAbsent("podReplacementPolicy", spec.containsKey("podFailurePolicy") ? "Failed" : "TerminatingOrFailed");
    Object template = spec.get("template");
    if (template instanceof Map<?, ?>) {
      defaultTemplate(template).ifPresent(t -> spec.put("template", t));
    }
    return JobObjects.withSpec(job, spec);
  }

  /** The template's pod defaults ({@code restartPolicy: Always} among them, which validation then refuses). */
  private static Optional<Map<String, Object>> defaultTemplate(Object template) {
    try {
      PodTemplateSpec t = ObjectCodec.mapper().convertValue(template, PodTemplateSpec.class);
      return Optional.of(JobObjects.templateMap(PodSpecDefaults.template(t)));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a template the model cannot read is validated as written
    }
  }

  /** {@code PrepareForCreate}: the status is the controller's to write. */
  @Override
  public GenericObject admit(GenericObject job, ApiServer api) {
    Map<String, Object> content = new LinkedHashMap<>(job.content());
    content.remove("status");
    return new GenericObject(job.apiVersion(), job.kind(), job.metadata(), content);
  }

  /**
   * {@code generateSelector}, once the Job has its uid: the template gets the uid and name labels
   * (new and legacy), the selector selects the uid; a Job without labels of its own shows the
   * template's, as defaulting gives them on every read.
   */
  @Override
  public GenericObject withIdentity(GenericObject job) {
    Map<String, Object> spec = new LinkedHashMap<>(JobObjects.spec(job));
    String uid = job.metadata().uid().orElse("");
    String name = job.metadata().nameOrEmpty();
    Map<String, Object> template = new LinkedHashMap<>(mapOf(spec.get("template")));
    Map<String, Object> templateMeta = new LinkedHashMap<>(mapOf(template.get("metadata")));
    Map<String, String> labels = new TreeMap<>(stringMap(templateMeta.get("labels")));
    if (!JobObjects.flag(spec, "manualSelector")) {
      labels.putIfAbsent(JobObjects.CONTROLLER_UID, uid);
      labels.putIfAbsent(JobObjects.JOB_NAME, name);
      labels.putIfAbsent(JobObjects.LEGACY_CONTROLLER_UID, uid);
      labels.putIfAbsent(JobObjects.LEGACY_JOB_NAME, name);
      templateMeta.put("labels", new LinkedHashMap<>(labels));
      template.put("metadata", templateMeta);
      spec.put("template", template);
      Map<String, Object> selector = new LinkedHashMap<>(mapOf(spec.get("selector")));
      Map<String, Object> matchLabels = new TreeMap<>(mapOf(selector.get("matchLabels")));
      matchLabels.putIfAbsent(JobObjects.CONTROLLER_UID, uid);
      selector.put("matchLabels", new LinkedHashMap<>(matchLabels));
      spec.put("selector", selector);
    }
    GenericObject out = JobObjects.withSpec(job, spec);
    if (out.metadata().labels().isEmpty() && !labels.isEmpty()) {
      out = out.withMetadata(out.metadata().toBuilder().labels(new LinkedHashMap<>(labels)).build());
    }
    return out;
  }

  @Override
  public List<FieldError> validate(GenericObject job) {
    Map<String, Object> spec = JobObjects.spec(job);
    FieldPath path = FieldPath.root("spec");
    List<FieldError> errs = new ArrayList<>();
    for (String field : List.of("parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished")) {
      JobObjects.num(spec, field).ifPresent(v -> errs.addAll(Workloads.nonNegative(v, path.child(field))));
    }
    Object mode = spec.get("completionMode");
    if (mode != null && !mode.equals("NonIndexed") && !mode.equals("Indexed")) {
      errs.add(FieldError.notSupported(path.child("completionMode"), mode, List.of("NonIndexed", "Indexed")));
    }
    if ("Indexed".equals(mode) && JobObjects.num(spec, "completions").isEmpty()) {
      errs.add(FieldError.required(path.child("completions"), "when completion mode is Indexed"));
    }
    PodTemplateSpec template;
    try {
      template = JobObjects.template(job);
    } catch (IllegalArgumentException e) {
      return errs;
    }
    if (JobObjects.flag(spec, "manualSelector")) {
      Optional<LabelSelector> selector = Optional.ofNullable(spec.get("selector"))
          .map(s -> ObjectCodec.mapper().convertValue(s, LabelSelector.class));
      if (selector.isEmpty()) {
        errs.add(FieldError.required(path.child("selector"), ""));
      } else {
        errs.addAll(Selectors.validate(selector.get(), path.child("selector")));
        if (!Selectors.matches(selector.get(), template.metadata().labels())) {
          errs.add(FieldError.invalid(path.child("template", "metadata", "labels"),
              Selectors.labelsValue(template.metadata().labels()), "`selector` does not match template `labels`"));
        }
      }
    }
    FieldPath templatePath = path.child("template");
    errs.addAll(PodTemplateValidation.validateTemplate(template, templatePath));
    String restart = template.specOrEmpty().restartPolicy().orElse("");
    // an unset policy was defaulted to Always: either way the Job must choose
    if (restart.isEmpty() || restart.equals("Always")) {
      errs.add(FieldError.required(templatePath.child("spec", "restartPolicy"), "valid values: \"OnFailure\", \"Never\""));
    } else if (!restart.equals("OnFailure") && !restart.equals("Never")) {
      errs.add(FieldError.notSupported(templatePath.child("spec", "restartPolicy"), restart, List.of("OnFailure", "Never")));
    }
    return errs;
  }

  /**
   * {@code PrepareForUpdate}: the status is kept, and so are the generated selector and labels
   * when the new object leaves them out (they may not change).
   */
  @Override
  public GenericObject prepareForUpdate(GenericObject job, GenericObject old) {
    GenericObject out = Generic.withStatusOf(job, old);
    Map<String, Object> spec = JobObjects.spec(out);
    if (!JobObjects.flag(spec, "manualSelector") && !spec.containsKey("selector") && old.metadata().uid().isPresent()) {
      out = withIdentity(out.withMetadata(out.metadata().toBuilder().uid(old.metadata().uid().get()).build()));
      out = out.withMetadata(out.metadata().toBuilder().uid(job.metadata().uid().orElse(null)).build());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapOf(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Map<String, String> stringMap(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    mapOf(value).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
