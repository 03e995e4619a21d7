package dev.kubesim.junit;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Finds the pod a {@link PodSelector} names. The selector is read by the cluster's own {@code
 * kubectl get pods -l}, so that it means what it means to kubectl, and a selector kubectl refuses
 * is refused with kubectl's message.
 */
final class PodSelection {
  private PodSelection() {}

  /**
   * The first running pod the selector matches in its namespace, in name order, or the first
   * matching pod when none runs.
   *
   * @throws ParameterResolutionException when the selector is invalid or no pod matches
   */
  static Pod select(Cluster cluster, PodSelector selector) {
    String namespace = selector.namespace();
    KubectlResult names = cluster.kubectl(
        "get pods -n " + quoted(namespace) + " -l " + quoted(selector.value()) + " -o name");
    if (!names.succeeded()) {
      throw new ParameterResolutionException(
          describe(selector) + " cannot be resolved: " + names.stderr().strip());
    }
    List<Pod> pods = names.stdout().lines()
        .map(line -> line.substring(line.indexOf('/') + 1))
        .map(name -> cluster.get(Pod.class, namespace, name))
        .flatMap(Optional::stream)
        .toList();
    if (pods.isEmpty()) {
      String all = cluster.kubectl("get pods -n " + quoted(namespace) + " --show-labels").output().strip();
      throw new ParameterResolutionException("no pod in namespace \"" + namespace + "\" matches "
          + describe(selector) + "; the namespace's pods:\n" + all);
    }
    return pods.stream().filter(PodSelection::running).findFirst().orElse(pods.get(0));
  }

  private static boolean running(Pod pod) {
    return pod.status().flatMap(s -> s.phase()).filter("Running"::equals).isPresent();
  }

  private static String describe(PodSelector selector) {
    return "@PodSelector(namespace = \"" + selector.namespace() + "\", value = \"" + selector.value() + "\")";
  }

  /** One shell word, whatever it holds: kubectl's command line is split as a shell splits it. */
  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
