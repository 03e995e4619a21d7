package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and changing Jobs, which the API server keeps as generic objects ({@code batch/v1}):
 * the spec fields the Job controller, the printers and {@code kubectl describe} read, the labels
 * and finalizer of {@code k8s.io/api/batch/v1}, and the conditions of a finished Job ({@code
 * pkg/controller/job/util.IsJobFinished}). Every change returns a new object.
 */
public final class JobObjects {
  /** The kind. */
  public static final String KIND = "Job";
  /** The CronJob kind. */
  public static final String CRON_JOB = "CronJob";
  /** {@code batch.kubernetes.io/job-tracking}: the finalizer that keeps a pod until its Job counted it. */
  public static final String TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
  /** The label with the Job's uid, which the generated selector selects. */
  public static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  /** The label with the Job's name. */
  public static final String JOB_NAME = "batch.kubernetes.io/job-name";
  /** The legacy uid label, still set. */
  public static final String LEGACY_CONTROLLER_UID = "controller-uid";
  /** The legacy name label, still set. */
  public static final String LEGACY_JOB_NAME = "job-name";
  /** The completion index of an Indexed Job's pod (annotation and label). */
  public static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";

  private JobObjects() {}

  /** The object as a Job, if it is one. */
  public static Optional<GenericObject> of(KubeObject o) {
    return StorageObjects.of(o, KIND);
  }

  /** {@code spec}, or an empty map. */
  public static Map<String, Object> spec(GenericObject job) {
    return StorageObjects.section(job, "spec");
  }

  /** {@code status}, or an empty map. */
  public static Map<String, Object> status(GenericObject job) {
    return StorageObjects.section(job, "status");
  }

  /** The integer under {@code key}, if it is a whole number. */
  public static Optional<Long> num(Map<String, Object> m, String key) {
    if (m.get(key) instanceof Number n) {
      double d = n.doubleValue();
      if (n instanceof Integer || n instanceof Long || d == Math.rint(d)) {
        return Optional.of(n.longValue());
      }
    }
    return Optional.empty();
  }

  /** The boolean under {@code key}, false when absent. */
  public static boolean flag(Map<String, Object> m, String key) {
    return Boolean.TRUE.equals(m.get(key));
  }

  /** The list under {@code key}, or an empty list. */
  public static List<?> list(Map<String, Object> m, String key) {
    return m.get(key) instanceof List<?> l ? l : List.of();
  }

  /** {@code spec.template} decoded, or an empty template. */
  public static PodTemplateSpec template(GenericObject job) {
    Object t = spec(job).get("template");
    if (t == null) {
      return new PodTemplateSpec(null, null);
    }
    return ObjectCodec.mapper().convertValue(t, PodTemplateSpec.class);
  }

  /** A template as the map a generic object holds. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> templateMap(PodTemplateSpec template) {
    return ObjectCodec.mapper().convertValue(template, LinkedHashMap.class);
  }

  /** {@code spec.completionMode} is {@code Indexed}. */
  public static boolean indexed(GenericObject job) {
    return "Indexed".equals(spec(job).get("completionMode"));
  }

  /** The condition of this type, if the Job has one. */
  public static Optional<Map<String, Object>> condition(GenericObject job, String type) {
    for (Object c : list(status(job), "conditions")) {
      Map<String, Object> m = StorageObjects.map(c);
      if (type.equals(m.get("type"))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The condition of this type is there with status True. */
  public static boolean conditionTrue(GenericObject job, String type) {
    return condition(job, type).map(c -> "True".equals(c.get("status"))).orElse(false);
  }

  /** {@code IsJobFinished}: a {@code Complete} or {@code Failed} condition with status True. */
  public static boolean finished(GenericObject job) {
    return conditionTrue(job, "Complete") || conditionTrue(job, "Failed");
  }

  /** The Job with this {@code status} (a new object; the old one is unchanged). */
  public static GenericObject withStatus(GenericObject job, Map<String, Object> status) {
    Map<String, Object> content = new LinkedHashMap<>(job.content());
    content.put("status", status);
    return new GenericObject(job.apiVersion(), job.kind(), job.metadata(), content);
  }

  /** The Job with this {@code spec}. */
  public static GenericObject withSpec(GenericObject job, Map<String, Object> spec) {
    Map<String, Object> content = new LinkedHashMap<>(job.content());
    content.put("spec", spec);
    return new GenericObject(job.apiVersion(), job.kind(), job.metadata(), content);
  }
}
