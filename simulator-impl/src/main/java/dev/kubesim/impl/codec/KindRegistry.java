package dev.kubesim.impl.codec;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.Kinds;
import dev.kubesim.api.model.Kinds.KindInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds the simulated API server serves: the typed kinds kubesim models, and the other built-in
 * kinds of a current Kubernetes release that it stores as generic objects so that real manifest
 * folders load. A kind is stored in one version ({@link #byKind}) and served in that one, as on a
 * current cluster: {@code apps/v1beta2} or {@code extensions/v1beta1} are refused as a real API
 * server refuses them. A few kinds are served in older versions too ({@code autoscaling/v1}
 * HorizontalPodAutoscalers), converted to and from storage by {@link Conversions}.
 */
public final class KindRegistry {
  private static final ImmutableMap<String, KindInfo> BY_KIND;
  private static final ImmutableMap<String, KindInfo> BY_RESOURCE_NAME;
  /** Every served kind and version: the storage versions, then the other versions served, each after its group's preferred one. */
  private static final ImmutableList<KindInfo> SERVED;
  /** {@link #SERVED} by {@code apiVersion + " " + kind}: every create and update looks its kind up. */
  private static final ImmutableMap<String, KindInfo> SERVED_BY_VERSION_AND_KIND;

  static {
    Map<String, KindInfo> byKind = new LinkedHashMap<>();
    for (KindInfo info : Kinds.all()) {
      byKind.put(info.kind(), info);
    }
    generic(byKind, "ConfigMap", "", "v1", "configmaps", true);
    generic(byKind, "Secret", "", "v1", "secrets", true);
    generic(byKind, "ServiceAccount", "", "v1", "serviceaccounts", true);
    generic(byKind, "PersistentVolumeClaim", "", "v1", "persistentvolumeclaims", true);
    generic(byKind, "PersistentVolume", "", "v1", "persistentvolumes", false);
    generic(byKind, "LimitRange", "", "v1", "limitranges", true);
    generic(byKind, "ResourceQuota", "", "v1", "resourcequotas", true);
    generic(byKind, "Event", "", "v1", "events", true);
    generic(byKind, "StatefulSet", "apps", "v1", "statefulsets", true);
    generic(byKind, "DaemonSet", "apps", "v1", "daemonsets", true);
    generic(byKind, "Job", "batch", "v1", "jobs", true);
    generic(byKind, "CronJob", "batch", "v1", "cronjobs", true);
    generic(byKind, "HorizontalPodAutoscaler", "autoscaling", "v2", "horizontalpodautoscalers", true);
    generic(byKind, "PodDisruptionBudget", "policy", "v1", "poddisruptionbudgets", true);
    generic(byKind, "Role", "rbac.authorization.k8s.io", "v1", "roles", true);
    generic(byKind, "RoleBinding", "rbac.authorization.k8s.io", "v1", "rolebindings", true);
    generic(byKind, "ClusterRole", "rbac.authorization.k8s.io", "v1", "clusterroles", false);
    generic(byKind, "ClusterRoleBinding", "rbac.authorization.k8s.io", "v1", "clusterrolebindings", false);
    generic(byKind, "StorageClass", "storage.k8s.io", "v1", "storageclasses", false);
    generic(byKind, "PriorityClass", "scheduling.k8s.io", "v1", "priorityclasses", false);
    generic(byKind, "Lease", "coordination.k8s.io", "v1", "leases", true);
    generic(byKind, "CustomResourceDefinition", "apiextensions.k8s.io", "v1", "customresourcedefinitions", false);
    generic(byKind, "ValidatingWebhookConfiguration", "admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", false);
    generic(byKind, "MutatingWebhookConfiguration", "admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", false);
    BY_KIND = ImmutableMap.copyOf(byKind);
    Map<String, KindInfo> byName = new LinkedHashMap<>();
    for (KindInfo info : byKind.values()) {
      byName.put(info.resource(), info);
      byName.put(info.kind().toLowerCase(Locale.ROOT), info);
    }
    BY_RESOURCE_NAME = ImmutableMap.copyOf(byName);
    ImmutableList.Builder<KindInfo> served = ImmutableList.builder();
    served.addAll(byKind.values());
    served.add(new KindInfo("HorizontalPodAutoscaler", "autoscaling", "v1", "horizontalpodautoscalers", true,
        GenericObject.class));
    SERVED = served.build();
    Map<String, KindInfo> byVersionAndKind = new LinkedHashMap<>();
    for (KindInfo info : SERVED) {
      byVersionAndKind.putIfAbsent(info.apiVersion() + " " + info.kind(), info);
    }
    SERVED_BY_VERSION_AND_KIND = ImmutableMap.copyOf(byVersionAndKind);
  }

  private KindRegistry() {}

  private static void generic(
      Map<String, KindInfo> map, String kind, String group, String version, String resource, boolean namespaced) {
    map.put(kind, new KindInfo(kind, group, version, resource, namespaced, GenericObject.class));
  }

  /** The kind served under this name, whatever the version. */
  public static Optional<KindInfo> byKind(String kind) {
    return Optional.ofNullable(BY_KIND.get(kind));
  }

  /** The kind served under this plural resource name or lower-case kind name. */
  public static Optional<KindInfo> byResourceName(String name) {
    return Optional.ofNullable(BY_RESOURCE_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * The kind served for this apiVersion and kind, if the API server serves that pair: its storage
   * version or another served one ({@link Conversions#converts}).
   */
  public static Optional<KindInfo> lookup(String apiVersion, String kind) {
    return Optional.ofNullable(SERVED_BY_VERSION_AND_KIND.get(apiVersion + " " + kind));
  }

  /** Every served kind in every served version: the storage versions first, in {@link #all()} order. */
  public static ImmutableList<KindInfo> served() {
    return SERVED;
  }

  /** Every served kind: typed ones first, in {@link Kinds#all()} order. */
  public static ImmutableList<KindInfo> all() {
    return BY_KIND.values().asList();
  }
}
