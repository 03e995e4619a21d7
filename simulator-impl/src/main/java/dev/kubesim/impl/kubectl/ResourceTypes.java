package dev.kubesim.impl.kubectl;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.apiserver.rest.ResourceCatalog;
import dev.kubesim.impl.codec.KindCatalog;
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

  /** The built-in kind a resource argument names ({@code svc}, {@code Services}, {@code deployments.apps}). */
  static Optional<KindInfo> resolve(String argument) {
    return resolve(BUILT_IN, argument);
  }

  private static final KindCatalog BUILT_IN = new KindCatalog();

  /**
   * The kind a resource argument names among the cluster's kinds ({@code svc}, {@code Services},
   * {@code deployments.apps}, and a custom kind's plural, singular, short name or {@code
   * crontabs.stable.example.com}).
   */
  static Optional<KindInfo> resolve(KindCatalog kinds, String argument) {
    String arg = argument.toLowerCase(Locale.ROOT);
    Optional<KindInfo> direct = byName(kinds, arg);
    if (direct.isPresent()) {
      return direct;
    }
    // resource.group, e.g. deployments.apps or ingress.networking.k8s.io; the version may come between
    int dot = arg.indexOf('.');
    if (dot > 0) {
      String group = arg.substring(dot + 1);
      Optional<KindInfo> grouped = byName(kinds, arg.substring(0, dot)).filter(info -> info.group().equals(group));
      if (grouped.isPresent()) {
        return grouped;
      }
      int second = group.indexOf('.');
      if (second > 0) {
        String version = group.substring(0, second);
        String rest = group.substring(second + 1);
        String name = arg.substring(0, dot);
        // a short name or singular stands for its resource here too (hpa.v2.autoscaling)
        String resource = byName(kinds, name).filter(info -> info.group().equals(rest)).map(KindInfo::resource).orElse(name);
        return kinds.served().stream()
            .filter(k -> k.group().equals(rest) && k.version().equals(version)
                && (k.resource().equals(resource) || k.kind().toLowerCase(Locale.ROOT).equals(name)))
            .findFirst();
      }
    }
    return Optional.empty();
  }

  private static Optional<KindInfo> byName(KindCatalog kinds, String name) {
    Optional<KindInfo> info = kinds.byResourceName(name);
    if (info.isPresent()) {
      return info;
    }
    for (KindInfo k : KindRegistry.all()) {
      if (ResourceCatalog.shortNames(k).contains(name)) {
        return Optional.of(k);
      }
    }
    return kinds.byShortName(name);
  }

  /** The custom kinds (each in its preferred version) whose definitions put them in this category. */
  static List<KindInfo> inCategory(KindCatalog kinds, String category) {
    List<KindInfo> out = new java.util.ArrayList<>();
    for (KindInfo k : kinds.all()) {
      if (kinds.custom(k).filter(c -> c.categories().contains(category)).isPresent()) {
        out.add(k);
      }
    }
    return out;
  }

  /** The short names of a kind, possibly none (a custom kind's as its definition accepted them). */
  static List<String> shortNames(KindCatalog kinds, KindInfo info) {
    return kinds.custom(info).<List<String>>map(KindCatalog.CustomKind::shortNames).orElse(ResourceCatalog.shortNames(info));
  }

  /**
   * The kind as kubectl prefixes names with it in {@code -o name} and in multi-kind tables:
   * {@code pod}, {@code service}, {@code deployment.apps}, {@code ingress.networking.k8s.io}.
   */
  static String kindPrefix(KindInfo info) {
    String singular = info.kind().toLowerCase(Locale.ROOT);
    return info.group().isEmpty() ? singular : singular + "." + info.group();
  }

  /** The built-in kind looked up by its name ({@code Pod}), which every stored object carries. */
  static KindInfo ofKind(String kind) {
    return KindRegistry.byKind(kind).orElseThrow(() -> new IllegalArgumentException("unknown kind " + kind));
  }

  /** The kind looked up by its name among the cluster's kinds, custom kinds included. */
  static KindInfo ofKind(KindCatalog kinds, String kind) {
    return kinds.byKind(kind).orElseThrow(() -> new IllegalArgumentException("unknown kind " + kind));
  }
}
