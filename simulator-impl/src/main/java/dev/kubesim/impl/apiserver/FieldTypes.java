package dev.kubesim.impl.apiserver;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What structured-merge-diff needs of a kind's schema to track field ownership: which lists are
 * keyed maps ({@code x-kubernetes-list-type: map} with their key fields), which are sets, and which
 * lists and maps are atomic (owned whole). Lists not named here are atomic, as in the OpenAPI
 * schema of the modelled kinds. Paths are field names joined by dots, list items left out, and pod
 * templates read as pods ({@code spec.containers} stands for {@code spec.template.spec.containers}
 * too).
 */
final class FieldTypes {
  /** A list's type: its key fields when it is a keyed list, none for a set. */
  record ListType(List<String> keys, boolean set) {}

  private static final ListType SET = new ListType(List.of(), true);

  private static ListType keyed(String... keys) {
    return new ListType(List.of(keys), false);
  }

  private static final Map<String, ListType> POD_LISTS = Map.ofEntries(
      Map.entry("spec.containers", keyed("name")),
      Map.entry("spec.initContainers", keyed("name")),
      Map.entry("spec.ephemeralContainers", keyed("name")),
      Map.entry("spec.containers.ports", keyed("containerPort", "protocol")),
      Map.entry("spec.initContainers.ports", keyed("containerPort", "protocol")),
      Map.entry("spec.containers.env", keyed("name")),
      Map.entry("spec.initContainers.env", keyed("name")),
      Map.entry("spec.containers.volumeMounts", keyed("mountPath")),
      Map.entry("spec.initContainers.volumeMounts", keyed("mountPath")),
      Map.entry("spec.containers.volumeDevices", keyed("devicePath")),
      Map.entry("spec.initContainers.volumeDevices", keyed("devicePath")),
      Map.entry("spec.containers.resizePolicy", keyed("resourceName")),
      Map.entry("spec.volumes", keyed("name")),
      Map.entry("spec.imagePullSecrets", keyed("name")),
      Map.entry("spec.hostAliases", keyed("ip")),
      Map.entry("spec.topologySpreadConstraints", keyed("topologyKey", "whenUnsatisfiable")),
      Map.entry("spec.resourceClaims", keyed("name")),
      Map.entry("spec.schedulingGates", keyed("name")),
      Map.entry("status.podIPs", keyed("ip")),
      Map.entry("status.hostIPs", keyed("ip")));

  private static final Map<String, ListType> COMMON_LISTS = Map.of(
      "metadata.finalizers", SET,
      "metadata.ownerReferences", keyed("uid"),
      "status.conditions", keyed("type"));

  private static final Map<String, Map<String, ListType>> KIND_LISTS = Map.of(
      "Service", Map.of("spec.ports", keyed("port", "protocol")),
      "Node", Map.of("status.addresses", keyed("type")),
      "Namespace", Map.of("spec.finalizers", SET));

  private static final Set<String> POD_TEMPLATE_KINDS =
      Set.of("Pod", "ReplicationController", "ReplicaSet", "Deployment", "DaemonSet", "StatefulSet", "Job", "PodTemplate");

  /** The default of a key field that a keyed list's item may leave out ({@code protocol: TCP}). */
  static final Map<String, String> KEY_DEFAULTS = Map.of("protocol", "TCP");

  private FieldTypes() {}

  /** The list's type, or null when the list is atomic. */
  static ListType list(String kind, String path) {
    Map<String, ListType> own = KIND_LISTS.getOrDefault(kind, Map.of());
    if (own.containsKey(path)) {
      return own.get(path);
    }
    if (COMMON_LISTS.containsKey(path)) {
      return COMMON_LISTS.get(path);
    }
    String p = podPath(kind, path);
    return p == null ? null : POD_LISTS.get(p);
  }

  /** Whether the map at the path is owned whole (its path is a leaf of the managers' sets). */
  static boolean atomicMap(String kind, String path) {
    // LabelSelectors are structType=atomic; Service's, ReplicationController's and a pod's
    // nodeSelector maps mapType=atomic; a required node affinity is an atomic NodeSelector.
    return path.endsWith(".selector") || path.endsWith("Selector")
        || path.endsWith("nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution");
  }

  /** The path read as a pod's, for kinds that hold a pod template; null when it is no pod's. */
  private static String podPath(String kind, String path) {
    if (kind.equals("Pod") || path.startsWith("metadata.")) {
      return path;
    }
    if (POD_TEMPLATE_KINDS.contains(kind) || kind.equals("CronJob")) {
      String p = path.replace("spec.jobTemplate.spec.template.", "").replace("spec.template.", "");
      return p.equals(path) ? null : p;
    }
    return null;
  }

  /**
   * The maps that an object of the kind has even when empty (its Go type's struct fields, which
   * encode as {@code {}}): a comparison with a new object does not count them as added.
   */
  static boolean alwaysPresent(String path) {
    return path.equals("metadata") || path.equals("spec") || path.equals("status") || path.equals("spec.template")
        || path.equals("spec.template.metadata") || path.equals("spec.template.spec") || path.equals("spec.strategy")
        || path.equals("spec.updateStrategy") || path.equals("spec.jobTemplate") || path.equals("spec.jobTemplate.spec")
        || path.equals("spec.jobTemplate.spec.template") || path.equals("spec.jobTemplate.spec.template.spec")
        || path.equals("spec.jobTemplate.spec.template.metadata") || path.endsWith("containers.resources");
  }
}
