package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodStatus;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.GoFormat;
import dev.kubesim.impl.apiserver.validation.ValidationMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pods ({@code pkg/registry/core/pod}): core/v1 defaulting, the admission plugins that shape every
 * new pod (ServiceAccount's default account, DefaultTolerationSeconds, Priority), {@code
 * PrepareForCreate} (status {@code Pending} with the QoS class), {@code ValidatePodCreate} and
 * {@code ValidatePodUpdate}.
 */
public final class PodStrategy extends Strategy<Pod> {
  private static final long DEFAULT_TOLERATION_SECONDS = 300;
  private static final String NOT_READY = "node.kubernetes.io/not-ready";
  private static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  private static final String PREEMPT_LOWER_PRIORITY = "PreemptLowerPriority";
  // Created by the API server at start-up on a real cluster; known here even when not stored.
  private static final Map<String, Integer> SYSTEM_PRIORITY_CLASSES =
      Map.of("system-node-critical", 2000001000, "system-cluster-critical", 2000000000);
  private static final String UPDATABLE_FIELDS =
      "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
          + "`spec.tolerations` (only additions to existing tolerations),"
          + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

  // Pure functions of the spec; a burst of creates from one template asks them of equal specs.
  private final LastSpec<PodSpec, PodSpec> defaulted = new LastSpec<>(spec -> PodSpecDefaults.defaults(spec, true));
  private final LastSpec<PodSpec, List<FieldError>> specErrors =
      new LastSpec<>(spec -> List.copyOf(PodSpecValidation.validatePodSpec(spec, FieldPath.root("spec"), true)));

  private final ServiceAccountAdmission serviceAccounts;

  /** The Pod rules, with the ServiceAccount admission plugin of the cluster's API server. */
  PodStrategy(ServiceAccountAdmission serviceAccounts) {
    super(Pod.class);
    this.serviceAccounts = serviceAccounts;
  }

  @Override
  public Pod defaults(Pod pod) {
    return pod.withSpec(defaulted.apply(pod.specOrEmpty()));
  }

  /** The mutating admission plugins of a default kube-apiserver, then {@code PrepareForCreate}. */
  @Override
  public Pod admit(Pod pod, ApiServer api) {
    pod = serviceAccounts.admit(pod);
    PodSpec.Builder spec = pod.specOrEmpty().toBuilder();
    PodSpec current = pod.specOrEmpty();
    spec.tolerations(defaultTolerations(current.tolerations()));
    Pod admitted = pod.withSpec(spec.build());
    admitted = priority(admitted, api);
    // PrepareForCreate: the status is the API server's, starting as Pending.
    PodStatus status =
        new PodStatus(null, Optional.of("Pending"), null, null, null, null, null, null, null, null, null, null, null,
            Optional.of(PodQos.qosClass(admitted.specOrEmpty())), null, null, null, null, null, null);
    return admitted.withStatus(status);
  }

  /** DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300s unless told otherwise. */
  private static List<Object> defaultTolerations(List<Object> tolerations) {
    boolean notReady = false;
    boolean unreachable = false;
    for (Object o : tolerations) {
      Map<String, Object> t = Generic.map(o).orElse(Map.of());
      String key = Generic.str(t, "key");
      String effect = Generic.str(t, "effect");
      boolean noExecute = effect.isEmpty() || effect.equals("NoExecute");
      notReady |= (key.equals(NOT_READY) || key.isEmpty()) && noExecute;
      unreachable |= (key.equals(UNREACHABLE) || key.isEmpty()) && noExecute;
    }
    List<Object> out = new ArrayList<>(tolerations);
    if (!notReady) {
      out.add(toleration(NOT_READY));
    }
    if (!unreachable) {
      out.add(toleration(UNREACHABLE));
    }
    return out;
  }

  private static Map<String, Object> toleration(String key) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("key", key);
    t.put("operator", "Exists");
    t.put("effect", "NoExecute");
    t.put("tolerationSeconds", (int) DEFAULT_TOLERATION_SECONDS);
    return t;
  }

  /** The Priority plugin: resolve the class to an integer priority and a preemption policy. */
  private static Pod priority(Pod pod, ApiServer api) {
    PodSpec spec = pod.specOrEmpty();
    String className = spec.priorityClassName().orElse("");
    int priority = 0;
    String preemption = PREEMPT_LOWER_PRIORITY;
    if (className.isEmpty()) {
      Optional<GenericObject> def = defaultPriorityClass(api);
      if (def.isPresent()) {
        className = def.get().metadata().nameOrEmpty();
        priority = value(def.get());
        preemption = policy(def.get());
      }
    } else {
      Optional<GenericObject> pc =
          api.get("PriorityClass", "", className).filter(GenericObject.class::isInstance).map(GenericObject.class::cast);
      if (pc.isPresent()) {
        priority = value(pc.get());
        preemption = policy(pc.get());
      } else if (SYSTEM_PRIORITY_CLASSES.containsKey(className)) {
        priority = SYSTEM_PRIORITY_CLASSES.get(className);
      } else {
        throw forbidden(pod, "no PriorityClass with name " + className + " was found");
      }
    }
    if (spec.priority().isPresent() && spec.priority().get() != priority) {
      throw forbidden(pod, "the integer value of priority (" + spec.priority().get()
          + ") must not be provided in pod spec; priority admission controller computed " + priority
          + " from the given PriorityClass name");
    }
    if (spec.preemptionPolicy().isPresent() && !spec.preemptionPolicy().get().equals(preemption)) {
      throw forbidden(pod, "the string value of PreemptionPolicy (" + spec.preemptionPolicy().get()
          + ") must not be provided in pod spec; priority admission controller computed " + preemption
          + " from the given PriorityClass name");
    }
    PodSpec.Builder b = spec.toBuilder().priority(priority).preemptionPolicy(preemption);
    if (!className.isEmpty()) {
      b.priorityClassName(className);
    }
    return pod.withSpec(b.build());
  }

  /** The global default class with the highest value, as {@code getDefaultPriority} picks it. */
  private static Optional<GenericObject> defaultPriorityClass(ApiServer api) {
    GenericObject best = null;
    for (KubeObject o : api.list("PriorityClass", Optional.empty())) {
      if (o instanceof GenericObject g && Boolean.TRUE.equals(g.content().get("globalDefault"))
          && (best == null || value(best) < value(g))) {
        best = g;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int value(GenericObject pc) {
    return pc.content().get("value") instanceof Number n ? n.intValue() : 0;
  }

  private static String policy(GenericObject pc) {
    return pc.content().get("preemptionPolicy") instanceof String s && !s.isEmpty() ? s : PREEMPT_LOWER_PRIORITY;
  }

  /** An admission refusal: {@code pods "p" is forbidden: ...} (HTTP 403). */
  private static KubeSimException forbidden(Pod pod, String detail) {
    return new KubeSimException("Forbidden", 403, "pods " + GoFormat.quote(pod.metadata().nameOrEmpty()) + " is forbidden: " + detail);
  }

  /** {@code GetWarningsForPod}. */
  @Override
  public List<String> warnings(Pod pod, Optional<Pod> old) {
    return PodWarnings.forPod(pod.metadata(), pod.specOrEmpty());
  }

  @Override
  public List<FieldError> validate(Pod pod) {
    List<FieldError> errs = validateMetadataAndSpec(pod);
    PodSpec spec = pod.specOrEmpty();
    FieldPath specPath = FieldPath.root("spec");
    if (!spec.ephemeralContainers().isEmpty()) {
      errs.add(FieldError.forbidden(specPath.child("ephemeralContainers"), "cannot be set on create"));
    }
    if (!spec.nodeName().orElse("").isEmpty() && !spec.schedulingGates().isEmpty()) {
      errs.add(FieldError.forbidden(specPath.child("nodeName"), "cannot be set until all schedulingGates have been cleared"));
    }
    return errs;
  }

  /** {@code validatePodMetadataAndSpec}, less the object metadata the API server checks itself. */
  private List<FieldError> validateMetadataAndSpec(Pod pod) {
    PodSpec spec = pod.specOrEmpty();
    FieldPath specPath = FieldPath.root("spec");
    List<FieldError> errs = new ArrayList<>(
        PodAnnotationValidation.validatePodSpecificAnnotations(pod.metadata().annotations(), spec, FieldPath.root("metadata", "annotations")));
    errs.addAll(specErrors.apply(ServiceAccountAdmission.withCanonicalTokenVolume(spec)));
    if (spec.serviceAccountName().orElse("").isEmpty()) {
      for (int i = 0; i < spec.volumes().size(); i++) {
        List<?> sources = Generic.map(spec.volumes().get(i))
            .flatMap(v -> Generic.map(v, "projected"))
            .map(p -> Generic.list(p, "sources"))
            .orElse(List.of());
        for (int s = 0; s < sources.size(); s++) {
          if (Generic.map(sources.get(s)).map(m -> m.containsKey("serviceAccountToken")).orElse(false)) {
            errs.add(FieldError.forbidden(specPath.child("volumes").index(i).child("projected", "sources").index(s).child("serviceAccountToken"),
                "must not be specified when serviceAccountName is not set"));
          }
        }
      }
    }
    errs.addAll(ContainerValidation.validateContainersOnlyForPod(spec.containers(), specPath.child("containers")));
    errs.addAll(ContainerValidation.validateContainersOnlyForPod(spec.initContainers(), specPath.child("initContainers")));
    return errs;
  }

  /** {@code ValidatePodUpdate}: only images, the deadline and added tolerations may change. */
  @Override
  public List<FieldError> validateUpdate(Pod pod, Pod old) {
    List<FieldError> errs = validateMetadataAndSpec(pod);
    errs.addAll(annotationUpdates(pod.metadata().annotations(), old.metadata().annotations()));
    PodSpec spec = pod.specOrEmpty();
    PodSpec oldSpec = old.specOrEmpty();
    FieldPath specPath = FieldPath.root("spec");
    if (containerUpdates(spec.containers(), oldSpec.containers(), specPath.child("containers"), errs)
        || containerUpdates(spec.initContainers(), oldSpec.initContainers(), specPath.child("initContainers"), errs)) {
      return errs;
    }
    FieldPath deadline = specPath.child("activeDeadlineSeconds");
    if (spec.activeDeadlineSeconds().isPresent()) {
      long v = spec.activeDeadlineSeconds().get();
      if (v < 0 || v > Integer.MAX_VALUE) {
        errs.add(FieldError.invalid(deadline, v, ValidationMessages.inclusiveRangeError(0, Integer.MAX_VALUE)));
        return errs;
      }
      if (oldSpec.activeDeadlineSeconds().isPresent() && oldSpec.activeDeadlineSeconds().get() < v) {
        errs.add(FieldError.invalid(deadline, v, "must be less than or equal to previous value"));
        return errs;
      }
    } else if (oldSpec.activeDeadlineSeconds().isPresent()) {
      errs.add(FieldError.invalid(deadline, null, "must not update from a positive integer to nil value"));
    }
    errs.addAll(onlyAddedTolerations(spec.tolerations(), oldSpec.tolerations(), specPath.child("tolerations")));
    errs.addAll(onlyDeletedSchedulingGates(spec.schedulingGates(), oldSpec.schedulingGates(), specPath.child("schedulingGates")));
    if (spec.equals(oldSpec)) {
      return errs;
    }
    PodSpec munged = munge(spec, oldSpec);
    if (!munged.equals(oldSpec)) {
      errs.add(FieldError.forbidden(specPath,
          "pod updates may not change fields other than " + UPDATABLE_FIELDS + "\n" + diff(oldSpec, munged)));
    }
    return errs;
  }

  /** The spec with every updatable field taken from the old one, as upstream munges it. */
  private static PodSpec munge(PodSpec spec, PodSpec old) {
    PodSpec.Builder b = spec.toBuilder();
    b.containers(withImages(spec.containers(), old.containers()));
    b.initContainers(withImages(spec.initContainers(), old.initContainers()));
    b.activeDeadlineSeconds(old.activeDeadlineSeconds().orElse(null));
    b.schedulingGates(old.schedulingGates());
    b.tolerations(old.tolerations());
    if (old.terminationGracePeriodSeconds().orElse(0L) < 0 && spec.terminationGracePeriodSeconds().orElse(0L) == 1) {
      b.terminationGracePeriodSeconds(old.terminationGracePeriodSeconds().get());
    }
    return b.build();
  }

  private static List<Container> withImages(List<Container> containers, List<Container> old) {
    List<Container> out = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      out.add(containers.get(i).toBuilder().image(old.get(i).image().orElse(null)).build());
    }
    return out;
  }

  /**
   * A short account of what changed. Upstream appends go-cmp's diff of the Go structs, which is
   * not reproduced: this lists the changed fields instead.
   */
  private static String diff(PodSpec old, PodSpec changed) {
    StringBuilder sb = new StringBuilder("  core.PodSpec{\n");
    for (var c : PodSpec.class.getRecordComponents()) {
      try {
        Object a = c.getAccessor().invoke(old);
        Object b = c.getAccessor().invoke(changed);
        if (!Objects.equals(a, b)) {
          sb.append("- \t").append(c.getName()).append(": ").append(GoFormat.formatValue(a)).append(",\n");
          sb.append("+ \t").append(c.getName()).append(": ").append(GoFormat.formatValue(b)).append(",\n");
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return sb.append("  }\n").toString();
  }

  /**
   * A pull policy that was only defaulted stays as it was when just the image changes: apply
   * patches the image alone, so the stored (defaulted) policy survives, and the update is legal.
   */
  private static List<Container> keepPullPolicies(List<Container> now, List<Container> old) {
    List<Container> out = new ArrayList<>(now.size());
    for (int i = 0; i < now.size(); i++) {
      Container c = now.get(i);
      if (i < old.size() && old.get(i).name().equals(c.name())) {
        Container o = old.get(i);
        String defaultNow = PodSpecDefaults.pullPolicy(c.image().orElse(""));
        String defaultOld = PodSpecDefaults.pullPolicy(o.image().orElse(""));
        if (c.imagePullPolicy().orElse("").equals(defaultNow) && o.imagePullPolicy().orElse("").equals(defaultOld)) {
          c = c.toBuilder().imagePullPolicy(o.imagePullPolicy().orElse(null)).build();
        }
      }
      out.add(c);
    }
    return out;
  }

  /** {@code ValidateContainerUpdates}; true when validation must stop (containers added or removed). */
  private static boolean containerUpdates(List<Container> now, List<Container> old, FieldPath path, List<FieldError> errs) {
    if (now.size() != old.size()) {
      errs.add(FieldError.forbidden(path, "pod updates may not add or remove containers"));
      return true;
    }
    for (int i = 0; i < now.size(); i++) {
      String image = now.get(i).image().orElse("");
      if (image.isEmpty()) {
        errs.add(FieldError.required(path.index(i).child("image"), ""));
      }
      if (!image.equals(image.strip())) {
        errs.add(FieldError.invalid(path.index(i).child("image"), image, "must not have leading or trailing whitespace"));
      }
    }
    return false;
  }

  private static List<FieldError> onlyAddedTolerations(List<Object> now, List<Object> old, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (Object o : old) {
      Map<String, Object> oldT = withoutSeconds(o);
      boolean found = now.stream().anyMatch(n -> withoutSeconds(n).equals(oldT));
      if (!found) {
        errs.add(FieldError.forbidden(path, "existing toleration can not be modified except its tolerationSeconds"));
        return errs;
      }
    }
    errs.addAll(TolerationValidation.validateTolerations(now, path));
    return errs;
  }

  private static Map<String, Object> withoutSeconds(Object toleration) {
    Map<String, Object> t = Generic.copy(Generic.map(toleration).orElse(Map.of()));
    t.remove("tolerationSeconds");
    // Go compares the structs, where an absent string is "".
    t.values().removeIf(v -> v == null || "".equals(v));
    return t;
  }

  private static List<FieldError> onlyDeletedSchedulingGates(List<Object> now, List<Object> old, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (now.isEmpty()) {
      return errs;
    }
    Map<String, Integer> added = new LinkedHashMap<>();
    for (int i = 0; i < now.size(); i++) {
      added.put(Generic.map(now.get(i)).map(g -> Generic.str(g, "name")).orElse(""), i);
    }
    for (Object o : old) {
      added.remove(Generic.map(o).map(g -> Generic.str(g, "name")).orElse(""));
    }
    added.forEach((gate, i) -> errs.add(FieldError.forbidden(path.index(i).child("name"),
        "only deletion is allowed, but found new scheduling gate '" + gate + "'")));
    return errs;
  }

  /** {@code ValidatePodSpecificAnnotationUpdates}: mirror and AppArmor annotations are fixed. */
  private static List<FieldError> annotationUpdates(Map<String, String> now, Map<String, String> old) {
    List<FieldError> errs = new ArrayList<>();
    FieldPath path = FieldPath.root("metadata", "annotations");
    String appArmor = "container.apparmor.security.beta.kubernetes.io/";
    for (Map.Entry<String, String> e : old.entrySet()) {
      if (e.getValue().equals(now.get(e.getKey()))) {
        continue;
      }
      if (e.getKey().startsWith(appArmor)) {
        errs.add(FieldError.forbidden(path.key(e.getKey()), "may not remove or update AppArmor annotations"));
      }
      if (e.getKey().equals(PodAnnotationValidation.MIRROR_POD_ANNOTATION)) {
        errs.add(FieldError.forbidden(path.key(e.getKey()), "may not remove or update mirror pod annotation"));
      }
    }
    for (String k : now.keySet()) {
      if (old.containsKey(k)) {
        continue;
      }
      if (k.startsWith(appArmor)) {
        errs.add(FieldError.forbidden(path.key(k), "may not add AppArmor annotations"));
      }
      if (k.equals(PodAnnotationValidation.MIRROR_POD_ANNOTATION)) {
        errs.add(FieldError.forbidden(path.key(k), "may not add mirror pod annotation"));
      }
    }
    return errs;
  }

  /**
   * {@code PrepareForUpdate}: the status is kept. Fields the API server itself filled in (the
   * binding's node, admission's account, priority and tolerations) are kept when the new object
   * leaves them out, as the merge behind {@code kubectl apply} keeps them.
   */
  @Override
  public Pod prepareForUpdate(Pod pod, Pod old) {
    PodSpec oldSpec = old.specOrEmpty();
    PodSpec spec = ServiceAccountAdmission.keepTokenVolume(pod.specOrEmpty(), oldSpec);
    PodSpec.Builder b = spec.toBuilder();
    if (spec.nodeName().isEmpty()) {
      b.nodeName(oldSpec.nodeName().orElse(null));
    }
    if (spec.serviceAccountName().isEmpty()) {
      b.serviceAccountName(oldSpec.serviceAccountName().orElse(null)).serviceAccount(oldSpec.serviceAccount().orElse(null));
    }
    if (spec.priority().isEmpty()) {
      b.priority(oldSpec.priority().orElse(null));
    }
    if (spec.priorityClassName().isEmpty()) {
      b.priorityClassName(oldSpec.priorityClassName().orElse(null));
    }
    if (spec.preemptionPolicy().isEmpty()) {
      b.preemptionPolicy(oldSpec.preemptionPolicy().orElse(null));
    }
    if (oldSpec.tolerations().containsAll(spec.tolerations())) {
      b.tolerations(oldSpec.tolerations());
    }
    b.containers(keepPullPolicies(spec.containers(), oldSpec.containers()));
    b.initContainers(keepPullPolicies(spec.initContainers(), oldSpec.initContainers()));
    Pod out = pod.withSpec(b.build());
    return out.withStatus(old.status().orElse(null));
  }
}
