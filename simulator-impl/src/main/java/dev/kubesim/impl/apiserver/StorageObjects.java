package dev.kubesim.impl.apiserver;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.registry.Quantity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and changing PersistentVolumeClaims, PersistentVolumes and StorageClasses, which the
 * API server keeps as generic objects: the fields and annotations the storage helpers of {@code
 * k8s.io/component-helpers/storage} read ({@code GetPersistentVolumeClaimClass}, ...). Every change
 * returns a new object; stored maps are never changed in place.
 */
public final class StorageObjects {
  /** The claim kind. */
  public static final String PVC = "PersistentVolumeClaim";
  /** The volume kind. */
  public static final String PV = "PersistentVolume";
  /** The class kind. */
  public static final String STORAGE_CLASS = "StorageClass";
  /** The deprecated class annotation, which wins over {@code storageClassName}. */
  public static final String BETA_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";
  /** Marks the default StorageClass. */
  public static final String IS_DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
  private static final String BETA_IS_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";
  /** The node the scheduler chose for a claim of a WaitForFirstConsumer class. */
  public static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";

  private StorageObjects() {}

  /** The object as a generic one of this kind, if it is one. */
  public static Optional<GenericObject> of(KubeObject o, String kind) {
    return o instanceof GenericObject g && g.kind().equals(kind) ? Optional.of(g) : Optional.empty();
  }

  /** The top-level map under {@code key} ({@code spec}, {@code status}), or an empty map. */
  public static Map<String, Object> section(GenericObject o, String key) {
    return map(o.content().get(key));
  }

  /** The value as a string-keyed map, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The string under {@code key}, or {@code ""}. */
  public static String str(Map<String, Object> m, String key) {
    return m.get(key) instanceof String s ? s : "";
  }

  /** {@code GetPersistentVolumeClaimClass}: the beta annotation, else {@code spec.storageClassName}, else {@code ""}. */
  public static String claimClass(GenericObject pvc) {
    String beta = pvc.metadata().annotations().get(BETA_CLASS_ANNOTATION);
    return beta != null ? beta : str(section(pvc, "spec"), "storageClassName");
  }

  /** {@code PersistentVolumeClaimHasClass}: whether the claim names a class at all (even {@code ""}). */
  public static boolean claimHasClass(GenericObject pvc) {
    return pvc.metadata().annotations().containsKey(BETA_CLASS_ANNOTATION) || section(pvc, "spec").get("storageClassName") != null;
  }

  /** {@code GetPersistentVolumeClass}: the beta annotation, else {@code spec.storageClassName}. */
  public static String volumeClass(GenericObject pv) {
    String beta = pv.metadata().annotations().get(BETA_CLASS_ANNOTATION);
    return beta != null ? beta : str(section(pv, "spec"), "storageClassName");
  }

  /** Whether a StorageClass carries the default-class annotation ({@code IsDefaultAnnotation}). */
  public static boolean isDefaultClass(GenericObject sc) {
    Map<String, String> a = sc.metadata().annotations();
    return "true".equals(a.get(IS_DEFAULT_CLASS)) || "true".equals(a.get(BETA_IS_DEFAULT_CLASS));
  }

  /** {@code status.phase}, or {@code ""}. */
  public static String phase(GenericObject o) {
    return str(section(o, "status"), "phase");
  }

  /** A claim's {@code spec.volumeName}, or {@code ""}. */
  public static String volumeName(GenericObject pvc) {
    return str(section(pvc, "spec"), "volumeName");
  }

  /** {@code spec.accessModes}, as strings. */
  public static List<String> accessModes(GenericObject o) {
    return section(o, "spec").get("accessModes") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  /** A claim's {@code spec.resources.requests.storage}, as written; empty when unset. */
  public static Optional<Object> requestedStorage(GenericObject pvc) {
    return Optional.ofNullable(map(map(section(pvc, "spec").get("resources")).get("requests")).get("storage"));
  }

  /** A volume's {@code spec.capacity.storage}, as written; empty when unset. */
  public static Optional<Object> capacity(GenericObject pv) {
    return Optional.ofNullable(map(section(pv, "spec").get("capacity")).get("storage"));
  }

  /** The value of a quantity ({@code 1Gi}, {@code 500M}); zero when it does not parse. */
  public static BigDecimal quantity(Object q) {
    return Quantity.parse(q).orElse(BigDecimal.ZERO);
  }

  /** A volume's {@code spec.claimRef}, if set. */
  public static Optional<Map<String, Object>> claimRef(GenericObject pv) {
    Map<String, Object> ref = map(section(pv, "spec").get("claimRef"));
    return ref.isEmpty() ? Optional.empty() : Optional.of(ref);
  }

  /** Whether a volume's claimRef names this claim (by namespace and name, and by uid when both have one). */
  public static boolean claimRefIs(GenericObject pv, GenericObject pvc) {
    return claimRef(pv).filter(ref -> str(ref, "namespace").equals(pvc.metadata().namespace().orElse(""))
        && str(ref, "name").equals(pvc.metadata().nameOrEmpty())
        && (str(ref, "uid").isEmpty() || str(ref, "uid").equals(pvc.metadata().uid().orElse(""))))
        .isPresent();
  }

  /** A volume's {@code spec.persistentVolumeReclaimPolicy}; {@code Retain}, its default, when unset. */
  public static String reclaimPolicy(GenericObject pv) {
    String p = str(section(pv, "spec"), "persistentVolumeReclaimPolicy");
    return p.isEmpty() ? "Retain" : p;
  }

  /** The directory on the node behind a {@code hostPath} or {@code local} volume; empty for other sources. */
  public static Optional<String> nodePath(GenericObject pv) {
    Map<String, Object> spec = section(pv, "spec");
    for (String source : List.of("hostPath", "local")) {
      String path = str(map(spec.get(source)), "path");
      if (!path.isEmpty()) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  /** A volume's {@code claimRef} to this claim, as the PV controller and provisioners write it. */
  public static Map<String, Object> referenceTo(GenericObject claim) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("apiVersion", "v1");
    ref.put("kind", PVC);
    ref.put("name", claim.metadata().nameOrEmpty());
    ref.put("namespace", claim.metadata().namespace().orElse("default"));
    ref.put("resourceVersion", claim.metadata().resourceVersion().orElse(""));
    ref.put("uid", claim.metadata().uid().orElse(""));
    return ref;
  }

  /** The claims a pod's {@code persistentVolumeClaim} volumes name, in spec order. */
  public static List<String> claimNames(Pod pod) {
    List<String> out = new java.util.ArrayList<>();
    for (Object v : pod.spec().map(s -> s.volumes()).orElse(List.of())) {
      String claim = str(map(map(v).get("persistentVolumeClaim")), "claimName");
      if (!claim.isEmpty() && !out.contains(claim)) {
        out.add(claim);
      }
    }
    return out;
  }

  /** The object with {@code content[key]} replaced. */
  public static GenericObject with(GenericObject o, String key, Object value) {
    Map<String, Object> content = new LinkedHashMap<>(o.content());
    content.put(key, value);
    return new GenericObject(o.apiVersion(), o.kind(), o.metadata(), content);
  }

  /** The object with one field of a top-level section ({@code spec}, {@code status}) replaced; null removes it. */
  public static GenericObject withField(GenericObject o, String section, String field, Object value) {
    Map<String, Object> s = new LinkedHashMap<>(section(o, section));
    if (value == null) {
      s.remove(field);
    } else {
      s.put(field, value);
    }
    return with(o, section, s);
  }

  /** The object with an annotation set. */
  public static GenericObject withAnnotation(GenericObject o, String key, String value) {
    Map<String, String> a = new LinkedHashMap<>(o.metadata().annotations());
    a.put(key, value);
    return o.withMetadata(o.metadata().toBuilder().annotations(a).build());
  }

  /** The object with a finalizer added, if it does not have it yet. */
  public static GenericObject withFinalizer(GenericObject o, String finalizer) {
    ObjectMeta m = o.metadata();
    if (m.finalizers().contains(finalizer)) {
      return o;
    }
    List<String> f = new java.util.ArrayList<>(m.finalizers());
    f.add(finalizer);
    return o.withMetadata(m.toBuilder().finalizers(f).build());
  }
}
