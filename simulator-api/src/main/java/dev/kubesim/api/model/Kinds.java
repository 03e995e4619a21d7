package dev.kubesim.api.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry of the kinds kubesim models as typed records: for each, its record class, API group
 * and version, plural resource name and scope. Every other kind is a {@link GenericObject}.
 */
public final class Kinds {
  private static final ImmutableList<KindInfo> ALL =
      ImmutableList.of(
          new KindInfo(Namespace.KIND, "", "v1", "namespaces", false, Namespace.class),
          new KindInfo(Node.KIND, "", "v1", "nodes", false, Node.class),
          new KindInfo(Pod.KIND, "", "v1", "pods", true, Pod.class),
          new KindInfo(
              ReplicationController.KIND,
              "",
              "v1",
              "replicationcontrollers",
              true,
              ReplicationController.class),
          new KindInfo(ReplicaSet.KIND, "apps", "v1", "replicasets", true, ReplicaSet.class),
          new KindInfo(Deployment.KIND, "apps", "v1", "deployments", true, Deployment.class),
          new KindInfo(Service.KIND, "", "v1", "services", true, Service.class),
          new KindInfo(Endpoints.KIND, "", "v1", "endpoints", true, Endpoints.class),
          new KindInfo(
              EndpointSlice.KIND,
              "discovery.k8s.io",
              "v1",
              "endpointslices",
              true,
              EndpointSlice.class),
          new KindInfo(
              Ingress.KIND, "networking.k8s.io", "v1", "ingresses", true, Ingress.class),
          new KindInfo(
              IngressClass.KIND,
              "networking.k8s.io",
              "v1",
              "ingressclasses",
              false,
              IngressClass.class),
          new KindInfo(
              NetworkPolicy.KIND,
              "networking.k8s.io",
              "v1",
              "networkpolicies",
              true,
              NetworkPolicy.class));

  private static final ImmutableMap<String, KindInfo> BY_KIND =
      ALL.stream().collect(ImmutableMap.toImmutableMap(KindInfo::kind, k -> k));

  private static final ImmutableMap<Class<? extends KubeObject>, KindInfo> BY_TYPE =
      ALL.stream().collect(ImmutableMap.toImmutableMap(KindInfo::type, k -> k));

  private Kinds() {}

  /**
   * The typed kind with this name ({@code Pod}, {@code Ingress}, ...), case-sensitive.
   *
   * @param kind the kind, as a manifest's {@code kind} names it
   * @return the typed kind with this name ({@code Pod}, {@code Ingress}, ...), case-sensitive
   */
  public static Optional<KindInfo> byKind(String kind) {
    return Optional.ofNullable(kind == null ? null : BY_KIND.get(kind));
  }

  /**
   * The typed kind whose record class this is.
   *
   * @param type a record class of {@code dev.kubesim.api.model}
   * @return the typed kind whose record class this is
   */
  public static Optional<KindInfo> byType(Class<?> type) {
    return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
  }

  /**
   * All typed kinds: core kinds first, then {@code apps}, discovery and networking.
   *
   * @return all typed kinds: core kinds first, then {@code apps}, discovery and networking
   */
  public static ImmutableList<KindInfo> all() {
    return ALL;
  }

  /**
   * A typed kind: its name, API group ({@code ""} for the core group), version, plural resource
   * name, whether its objects live in a namespace, and its record class.
   */
  public record KindInfo(
      String kind,
      String group,
      String version,
      String resource,
      boolean namespaced,
      Class<? extends KubeObject> type) {
    /**
     * Checks that no field is {@code null}.
     *
     * @param kind the kind, as a manifest names it ({@code Pod})
     * @param group the API group, empty for the core group
     * @param version the version within the group ({@code v1})
     * @param resource the resource: the kind's plural, lower-case name in the API's paths ({@code
     *     pods})
     * @param namespaced whether its objects live in a namespace
     * @param type the record class of its objects
     */
    public KindInfo {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(type, "type");
    }

    /**
     * {@code pods} for the core group, {@code ingresses.networking.k8s.io} otherwise.
     *
     * @return {@code pods} for the core group, {@code ingresses.networking.k8s.io} otherwise
     */
    public String qualifiedResource() {
      return group.isEmpty() ? resource : resource + "." + group;
    }

    /**
     * {@code v1} for the core group, {@code apps/v1} otherwise.
     *
     * @return {@code v1} for the core group, {@code apps/v1} otherwise
     */
    public String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }
}
