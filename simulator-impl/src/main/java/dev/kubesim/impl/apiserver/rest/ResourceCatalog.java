package dev.kubesim.impl.apiserver.rest;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.codec.KindCatalog;
import dev.kubesim.impl.codec.KindRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What discovery says of each served resource, as kube-apiserver registers it: verbs, short names,
 * categories, the singular name and the {@code status} and {@code scale} subresources. The kinds
 * themselves come from {@link KindRegistry}; this adds what only the API server's storage
 * registrations know.
 */
public final class ResourceCatalog {
  /** The verbs of an ordinary resource. */
  public static final ImmutableList<String> VERBS =
      ImmutableList.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private static final ImmutableList<String> NAMESPACE_VERBS =
      ImmutableList.of("create", "delete", "get", "list", "patch", "update", "watch");

  private static final ImmutableMap<String, ImmutableList<String>> SHORT_NAMES =
      ImmutableMap.<String, ImmutableList<String>>builder()
          .put("configmaps", ImmutableList.of("cm"))
          .put("endpoints", ImmutableList.of("ep"))
          .put("events", ImmutableList.of("ev"))
          .put("limitranges", ImmutableList.of("limits"))
          .put("namespaces", ImmutableList.of("ns"))
          .put("nodes", ImmutableList.of("no"))
          .put("persistentvolumeclaims", ImmutableList.of("pvc"))
          .put("persistentvolumes", ImmutableList.of("pv"))
          .put("pods", ImmutableList.of("po"))
          .put("replicationcontrollers", ImmutableList.of("rc"))
          .put("resourcequotas", ImmutableList.of("quota"))
          .put("serviceaccounts", ImmutableList.of("sa"))
          .put("services", ImmutableList.of("svc"))
          .put("customresourcedefinitions", ImmutableList.of("crd", "crds"))
          .put("daemonsets", ImmutableList.of("ds"))
          .put("deployments", ImmutableList.of("deploy"))
          .put("replicasets", ImmutableList.of("rs"))
          .put("statefulsets", ImmutableList.of("sts"))
          .put("horizontalpodautoscalers", ImmutableList.of("hpa"))
          .put("cronjobs", ImmutableList.of("cj"))
          .put("ingresses", ImmutableList.of("ing"))
          .put("networkpolicies", ImmutableList.of("netpol"))
          .put("poddisruptionbudgets", ImmutableList.of("pdb"))
          .put("priorityclasses", ImmutableList.of("pc"))
          .put("storageclasses", ImmutableList.of("sc"))
          .build();

  /** The resources of the {@code all} category ({@code kubectl get all}). */
  private static final ImmutableSet<String> ALL_CATEGORY =
      ImmutableSet.of("pods", "replicationcontrollers", "services", "daemonsets", "deployments", "replicasets",
          "statefulsets", "horizontalpodautoscalers", "cronjobs", "jobs");

  private static final ImmutableSet<String> WITH_STATUS =
      ImmutableSet.of("pods", "replicationcontrollers", "services", "nodes", "namespaces", "persistentvolumeclaims",
          "persistentvolumes", "resourcequotas", "replicasets", "deployments", "statefulsets", "daemonsets", "jobs",
          "cronjobs", "horizontalpodautoscalers", "poddisruptionbudgets", "ingresses", "customresourcedefinitions");

  private static final ImmutableSet<String> WITH_SCALE =
      ImmutableSet.of("replicationcontrollers", "replicasets", "deployments", "statefulsets");

  private ResourceCatalog() {}

  /** The short names of a served resource, a custom kind's included, possibly none. */
  public static ImmutableList<String> shortNames(KindCatalog kinds, KindInfo info) {
    return kinds.custom(info).map(KindCatalog.CustomKind::shortNames).orElseGet(() -> shortNames(info));
  }

  /** The categories of a served resource, a custom kind's included, possibly none. */
  public static ImmutableList<String> categories(KindCatalog kinds, KindInfo info) {
    return kinds.custom(info).map(KindCatalog.CustomKind::categories).orElseGet(() -> categories(info));
  }

  /** The singular name of a served resource, a custom kind's as its definition gives it. */
  public static String singular(KindCatalog kinds, KindInfo info) {
    return kinds.custom(info).map(KindCatalog.CustomKind::singular).orElseGet(() -> singular(info));
  }

  /** Whether a served resource has a {@code status} subresource (a custom kind: when its version declares one). */
  public static boolean hasStatus(KindCatalog kinds, KindInfo info) {
    return kinds.custom(info).map(KindCatalog.CustomKind::statusSubresource).orElseGet(() -> hasStatus(info));
  }

  /** Whether a served resource has a {@code scale} subresource (a custom kind: when its version declares one). */
  public static boolean hasScale(KindCatalog kinds, KindInfo info) {
    return kinds.custom(info).map(KindCatalog.CustomKind::scaleSubresource).orElseGet(() -> hasScale(info));
  }

  /** The short names of a resource ({@code po}, {@code svc}), possibly none. */
  public static ImmutableList<String> shortNames(KindInfo info) {
    return SHORT_NAMES.getOrDefault(info.resource(), ImmutableList.of());
  }

  /** The categories of a resource ({@code all}), possibly none. */
  public static ImmutableList<String> categories(KindInfo info) {
    return ALL_CATEGORY.contains(info.resource()) ? ImmutableList.of("all") : ImmutableList.of();
  }

  /** The verbs the resource answers. */
  public static ImmutableList<String> verbs(KindInfo info) {
    return info.resource().equals("namespaces") ? NAMESPACE_VERBS : VERBS;
  }

  /** {@code pod}, {@code ingressclass}. */
  public static String singular(KindInfo info) {
    return info.kind().toLowerCase(Locale.ROOT);
  }

  /** Whether the resource has a {@code status} subresource. */
  public static boolean hasStatus(KindInfo info) {
    return WITH_STATUS.contains(info.resource());
  }

  /** Whether the resource has a {@code scale} subresource. */
  public static boolean hasScale(KindInfo info) {
    return WITH_SCALE.contains(info.resource());
  }

  /** The group versions served, core first, then the groups in the order kube-apiserver lists them. */
  public static ImmutableList<String> groupVersions(KindCatalog kinds) {
    List<String> out = new ArrayList<>();
    for (KindInfo k : kinds.served()) {
      if (!out.contains(k.apiVersion())) {
        out.add(k.apiVersion());
      }
    }
    out.sort((a, b) -> Integer.compare(groupRank(a), groupRank(b)));
    return ImmutableList.copyOf(out);
  }

  private static final ImmutableList<String> GROUP_ORDER =
      ImmutableList.of("v1", "apiregistration.k8s.io", "apps", "events.k8s.io", "authentication.k8s.io",
          "authorization.k8s.io", "autoscaling", "batch", "certificates.k8s.io", "networking.k8s.io", "policy",
          "rbac.authorization.k8s.io", "storage.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io",
          "scheduling.k8s.io", "coordination.k8s.io", "node.k8s.io", "discovery.k8s.io");

  private static int groupRank(String groupVersion) {
    String group = groupVersion.contains("/") ? groupVersion.substring(0, groupVersion.indexOf('/')) : groupVersion;
    int i = GROUP_ORDER.indexOf(group);
    return i < 0 ? GROUP_ORDER.size() : i;
  }

  /** The resources served in one group version ({@code v1}, {@code apps/v1}), by resource name. */
  public static ImmutableList<KindInfo> resources(KindCatalog kinds, String groupVersion) {
    // the API server lists a version's resources by name (its installer sorts the paths)
    return kinds.served().stream().filter(k -> k.apiVersion().equals(groupVersion))
        .sorted(java.util.Comparator.comparing(KindInfo::resource))
        .collect(ImmutableList.toImmutableList());
  }

  /** The groups (without the core group), each with its preferred version. */
  public static Map<String, String> groups(KindCatalog kinds) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String gv : groupVersions(kinds)) {
      int slash = gv.indexOf('/');
      if (slash > 0) {
        out.putIfAbsent(gv.substring(0, slash), gv.substring(slash + 1));
      }
    }
    return out;
  }

  /** The versions a group is served in, the preferred one first ({@code v2}, {@code v1} for autoscaling). */
  public static ImmutableList<String> versions(KindCatalog kinds, String group) {
    List<String> out = new ArrayList<>();
    for (String gv : groupVersions(kinds)) {
      if (gv.startsWith(group + "/")) {
        out.add(gv.substring(group.length() + 1));
      }
    }
    return ImmutableList.copyOf(out);
  }

  /** The resource served under this group, version and plural name. */
  public static Optional<KindInfo> resource(KindCatalog kinds, String group, String version, String resource) {
    return kinds.served().stream()
        .filter(k -> k.group().equals(group) && k.version().equals(version) && k.resource().equals(resource))
        .findFirst();
  }
}
