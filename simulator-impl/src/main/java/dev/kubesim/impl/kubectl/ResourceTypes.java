package dev.kubesim.impl.kubectl;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.apiserver.rest.ResourceCatalog;
import dev.kubesim.impl.codec.KindRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How kubectl names resource types: the RESTMapper's plural, singular and short names ({@code
 * pods}, {@code pod}, {@code po}), group-qualified forms ({@code deployments.apps}), and the {@code
 * all} category. Names are matched case-insensitively, as kubectl does.
 */
final class ResourceTypes {
  /**
   * The kinds {@code kubectl get all} lists that kubesim prints, in the order discovery returns
   * the {@code all} category (core resources first, then apps).
   */
  static final ImmutableList<String> ALL_CATEGORY =
      ImmutableList.of("Pod", "ReplicationController", "Service", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet",
          "HorizontalPodAutoscaler", "CronJob", "Job");

  private ResourceTypes() {}

  /** The kind a resource argument names ({@code svc}, {@code Services}, {@code deployments.apps}). */
  static Optional<KindInfo> resolve(String argument) {
    String arg = argument.toLowerCase(Locale.ROOT);
    Optional<KindInfo> direct = byName(arg);
    if (direct.isPresent()) {
      return direct;
    }
    // resource.group, e.g. deployments.apps or ingress.networking.k8s.io
    int dot = arg.indexOf('.');
    if (dot > 0) {
      String group = arg.substring(dot + 1);
      return byName(arg.substring(0, dot)).filter(info -> info.group().equals(group));
    }
    return Optional.empty();
  }

  private static Optional<KindInfo> byName(String name) {
    Optional<KindInfo> info = KindRegistry.byResourceName(name);
    if (info.isPresent()) {
      return info;
    }
    for (KindInfo k : KindRegistry.all()) {
      if (shortNames(k).contains(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The short names of a kind, possibly none. */
  static List<String> shortNames(KindInfo info) {
    return ResourceCatalog.shortNames(info);
  }

  /**
   * The kind as kubectl prefixes names with it in {@code -o name} and in multi-kind tables:
   * {@code pod}, {@code service}, {@code deployment.apps}, {@code ingress.networking.k8s.io}.
   */
  static String kindPrefix(KindInfo info) {
    String singular = info.kind().toLowerCase(Locale.ROOT);
    return info.group().isEmpty() ? singular : singular + "." + info.group();
  }

  /** The kind looked up by its name ({@code Pod}), which every stored object carries. */
  static KindInfo ofKind(String kind) {
    return KindRegistry.byKind(kind).orElseThrow(() -> new IllegalArgumentException("unknown kind " + kind));
  }
}
