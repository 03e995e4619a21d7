package dev.kubesim.junit;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.ClusterBuilder;
import dev.kubesim.api.KubeProxyOptions;
import dev.kubesim.api.KubeSim;
import java.util.List;
import java.util.Optional;

/**
 * The cluster a {@link KubeSimTest} asks for, read from the annotation of the test class or of
 * the nearest enclosing class that has one (for {@code @Nested} classes).
 */
record ClusterSettings(
    long seed, int nodes, ImmutableList<String> addons, String kubeProxyMode, ImmutableList<String> manifests,
    boolean skipWhenManifestsAbsent, boolean awaitReady) {

  /** The settings of a test class, when it or a class enclosing it carries {@link KubeSimTest}. */
  static Optional<ClusterSettings> of(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      KubeSimTest a = c.getAnnotation(KubeSimTest.class);
      if (a == null) {
        a = metaAnnotation(c);
      }
      if (a != null) {
        return Optional.of(new ClusterSettings(a.seed(), a.nodes(), ImmutableList.copyOf(a.addons()),
            a.kubeProxyMode(), ImmutableList.copyOf(a.manifests()), a.skipWhenManifestsAbsent(), a.awaitReady()));
      }
    }
    return Optional.empty();
  }

  /** {@link KubeSimTest} on an annotation of the class (a team's own composed annotation). */
  private static KubeSimTest metaAnnotation(Class<?> c) {
    for (var annotation : c.getAnnotations()) {
      KubeSimTest a = annotation.annotationType().getAnnotation(KubeSimTest.class);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  /** A builder with these settings. */
  ClusterBuilder builder() {
    KubeProxyOptions proxy = KubeProxyOptions.defaults();
    return KubeSim.cluster()
        .seed(seed)
        .nodes(nodes)
        .addons(List.copyOf(addons))
        .kubeProxy(new KubeProxyOptions(kubeProxyMode, proxy.masqueradeAll(), proxy.detectLocal(),
            proxy.localhostNodePorts(), proxy.nodePortAddresses()));
  }
}
