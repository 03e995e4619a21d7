package dev.kubesim.impl.controller;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.labels.LabelSelectors;
import dev.kubesim.impl.labels.NodeAffinity;
import dev.kubesim.impl.labels.Tolerations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DaemonSet as its controller reads it from the generic object the API server stores: the
 * selector, the pod template decoded into the model, the update strategy, and {@code
 * NodeShouldRunDaemonPod}, which judges a node by the template's node name, node selector, required
 * node affinity and tolerations (with the tolerations the controller gives every daemon pod).
 *
 * @param object the stored DaemonSet
 * @param selector {@code spec.selector}, empty when absent or malformed
 * @param template {@code spec.template}
 * @param onDelete whether {@code updateStrategy.type} is {@code OnDelete}
 * @param maxUnavailable {@code rollingUpdate.maxUnavailable}
 * @param maxSurge {@code rollingUpdate.maxSurge}
 * @param minReadySeconds {@code spec.minReadySeconds}
 * @param templateGeneration the {@code deprecated.daemonset.template.generation} annotation, if it parses
 * @param collisionCount {@code status.collisionCount}
 * @param observedGeneration {@code status.observedGeneration}
 */
record DaemonSetView(GenericObject object, Optional<LabelSelector> selector, PodTemplateSpec template, boolean onDelete,
    IntOrString maxUnavailable, IntOrString maxSurge, int minReadySeconds, Optional<Long> templateGeneration,
    int collisionCount, long observedGeneration) {
  static final String KIND = "DaemonSet";
  static final String TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";

  /** The view of a stored DaemonSet, or empty when its spec does not decode. */
  static Optional<DaemonSetView> of(GenericObject ds) {
    Map<?, ?> spec = ds.content().get("spec") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> status = ds.content().get("status") instanceof Map<?, ?> m ? m : Map.of();
    try {
      Optional<LabelSelector> selector = spec.get("selector") == null ? Optional.empty()
          : Optional.of(ObjectCodec.mapper().convertValue(spec.get("selector"), LabelSelector.class));
      PodTemplateSpec template = ObjectCodec.mapper().convertValue(
          spec.get("template") == null ? Map.of() : spec.get("template"), PodTemplateSpec.class);
      Map<?, ?> strategy = spec.get("updateStrategy") instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> rolling = strategy.get("rollingUpdate") instanceof Map<?, ?> m ? m : Map.of();
      boolean onDelete = "OnDelete".equals(strategy.get("type"));
      Optional<Long> templateGeneration;
      try {
        String annotation = ds.metadata().annotations().get(TEMPLATE_GENERATION);
        templateGeneration = annotation == null ? Optional.empty() : Optional.of(Long.parseLong(annotation));
      } catch (NumberFormatException e) {
        templateGeneration = Optional.empty();
      }
      return Optional.of(new DaemonSetView(ds, selector, template, onDelete, intOrString(rolling.get("maxUnavailable"), 1),
          intOrString(rolling.get("maxSurge"), 0), number(spec.get("minReadySeconds")), templateGeneration,
          number(status.get("collisionCount")), status.get("observedGeneration") instanceof Number n ? n.longValue() : 0));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static IntOrString intOrString(Object value, int absent) {
    if (value instanceof Number n) {
      return IntOrString.of(n.intValue());
    }
    return value instanceof String s ? IntOrString.of(s) : IntOrString.of(absent);
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  String namespace() {
    return object.metadata().namespace().orElse("default");
  }

  String name() {
    return object.metadata().nameOrEmpty();
  }

  String uid() {
    return object.metadata().uid().orElse("");
  }

  /** Whether the selector selects these labels; a missing or empty selector selects nothing. */
  boolean selects(Map<String, String> labels) {
    return selector.isPresent() && !isEmptySelector() && LabelSelectors.matches(selector.get(), labels);
  }

  /** {@code spec.selector} is {@code {}}: the controller refuses to act on it. */
  boolean isEmptySelector() {
    return selector.isPresent() && selector.get().matchLabels().isEmpty() && selector.get().matchExpressions().isEmpty();
  }

  /** {@code GetScaledValueFromIntOrPercent}, rounding up (both DaemonSet limits round up). */
  static int scaled(IntOrString value, int total) {
    if (value.isInt()) {
      return value.intValue().getAsInt();
    }
    String s = value.stringValue();
    try {
      int percent = Integer.parseInt(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
      return (int) Math.ceil(percent * (double) total / 100.0);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code SurgeCount}: 0 for OnDelete. */
  int surge(int desired) {
    return onDelete ? 0 : scaled(maxSurge, desired);
  }

  /** {@code UnavailableCount}: 0 for OnDelete. */
  int unavailable(int desired) {
    return onDelete ? 0 : scaled(maxUnavailable, desired);
  }

  /** {@code AllowsSurge}. */
  boolean allowsSurge() {
    return surge(1) > 0;
  }

  /** {@code NodeShouldRunDaemonPod}: whether a pod should start on the node, and whether one there may stay. */
  record ShouldRun(boolean run, boolean continueRunning) {}

  ShouldRun shouldRun(Node node) {
    PodSpec spec = template.specOrEmpty();
    String nodeName = spec.nodeName().orElse("");
    if (!nodeName.isEmpty() && !nodeName.equals(node.metadata().nameOrEmpty())) {
      return new ShouldRun(false, false);
    }
    if (!NodeAffinity.matches(spec.nodeSelector(), spec.affinity().orElse(null), node)) {
      return new ShouldRun(false, false);
    }
    List<Object> tolerations = daemonTolerations(spec);
    boolean untoleratedNoExecute = false;
    boolean untolerated = false;
    for (Object t : node.specOrEmpty().taints()) {
      if (!(t instanceof Map<?, ?> taint)) {
        continue;
      }
      String effect = text(taint.get("effect"));
      if (!effect.equals("NoSchedule") && !effect.equals("NoExecute")) {
        continue;
      }
      if (!Tolerations.tolerate(tolerations, taint)) {
        untolerated = true;
        untoleratedNoExecute |= effect.equals("NoExecute");
      }
    }
    if (untolerated) {
      return new ShouldRun(false, !untoleratedNoExecute);
    }
    return new ShouldRun(true, true);
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  /**
   * {@code AddOrUpdateDaemonPodTolerations}: the template's tolerations with the daemon ones added
   * or, where one matches on key, operator, value and effect, put in its place.
   */
  static List<Object> daemonTolerations(PodSpec spec) {
    List<Object> out = new ArrayList<>(spec.tolerations());
    addOrUpdate(out, NOT_READY, "NoExecute");
    addOrUpdate(out, UNREACHABLE, "NoExecute");
    addOrUpdate(out, "node.kubernetes.io/disk-pressure", "NoSchedule");
    addOrUpdate(out, "node.kubernetes.io/memory-pressure", "NoSchedule");
    addOrUpdate(out, "node.kubernetes.io/pid-pressure", "NoSchedule");
    addOrUpdate(out, "node.kubernetes.io/unschedulable", "NoSchedule");
    if (spec.hostNetwork().orElse(false)) {
      addOrUpdate(out, "node.kubernetes.io/network-unavailable", "NoSchedule");
    }
    return out;
  }

  private static void addOrUpdate(List<Object> tolerations, String key, String effect) {
    Map<String, Object> toleration = new LinkedHashMap<>();
    toleration.put("key", key);
    toleration.put("operator", "Exists");
    toleration.put("effect", effect);
    boolean updated = false;
    for (int i = 0; i < tolerations.size(); i++) {
      if (tolerations.get(i) instanceof Map<?, ?> m && key.equals(text(m.get("key"))) && "Exists".equals(text(m.get("operator")))
          && text(m.get("value")).isEmpty() && effect.equals(text(m.get("effect")))) {
        tolerations.set(i, toleration);
        updated = true;
      }
    }
    if (!updated) {
      tolerations.add(toleration);
    }
  }
}
