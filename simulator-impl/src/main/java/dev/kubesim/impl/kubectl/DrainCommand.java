package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.api.model.OwnerReference;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.DeleteOptions;
import dev.kubesim.impl.apiserver.NodeStates;
import dev.kubesim.impl.apiserver.PodStates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl drain NODE}: cordons the node, then evicts its pods as kubectl's drain filters
 * allow — mirror pods are left alone; DaemonSet-managed pods need {@code --ignore-daemonsets} (and
 * are then left), pods that declare no controller need {@code --force}, pods with {@code emptyDir}
 * data need {@code --delete-emptydir-data} (finished pods pass both) — waiting until each evicted
 * pod is gone; prints {@code evicting pod NS/NAME}, {@code pod/NAME evicted} and {@code node/NODE
 * drained}, or kubectl's refusal naming the pods. Eviction is a delete here: there are no
 * PodDisruptionBudgets to consult.
 */
final class DrainCommand implements Command {
  private static final String DAEMON_SET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
  private static final String DAEMON_SET_WARNING = "ignoring DaemonSet-managed Pods";
  private static final String LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
  private static final String LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
  private static final String UNMANAGED_FATAL = "Pods declare no controller (use --force to override)";
  private static final String UNMANAGED_WARNING = "deleting Pods that declare no controller";

  @Override
  public String name() {
    return "drain";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.bool("ignore-daemonsets"),
        Flag.bool("delete-emptydir-data"),
        Flag.bool("delete-local-data"),
        Flag.bool("force"),
        Flag.value("grace-period"),
        Flag.value("timeout"),
        Flag.value("pod-selector"),
        Flag.value("selector", "l"),
        Flag.bool("disable-eviction"),
        Flag.value("skip-wait-for-delete-timeout"),
        Flag.value("chunk-size"),
        Flag.value("dry-run"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    if (args.positional().size() != 1) {
      throw KubectlException.usageErrorf("USAGE: drain NODE [flags]", name());
    }
    String nodeName = args.positional().get(0);
    Node node = ctx.api().get(Node.KIND, "", nodeName).map(Node.class::cast)
        .orElseThrow(() -> new FailureException(ErrorMessages.Failure.api(ApiServer.notFound(Node.KIND, nodeName), "")));
    if (NodeStates.isCordoned(node)) {
      ctx.out().out("node/" + nodeName + " already cordoned\n");
    } else {
      ctx.api().update(NodeStates.withUnschedulable(node, true));
      ctx.out().out("node/" + nodeName + " cordoned\n");
    }
    ctx.settle();
    Map<String, List<String>> fatal = new LinkedHashMap<>();
    Map<String, List<String>> warnings = new LinkedHashMap<>();
    List<Pod> evict = new ArrayList<>();
    for (Pod pod : podsOn(ctx, nodeName)) {
      String name = pod.metadata().namespace().orElse("") + "/" + pod.metadata().nameOrEmpty();
      if (pod.metadata().annotations().containsKey("kubernetes.io/config.mirror")) {
        continue;
      }
      Optional<OwnerReference> controller = pod.metadata().ownerReferences().stream()
          .filter(o -> o.controller().orElse(false)).findFirst();
      if (controller.isPresent() && controller.get().kind().equals("DaemonSet")) {
        (args.bool("ignore-daemonsets") ? warnings : fatal)
            .computeIfAbsent(args.bool("ignore-daemonsets") ? DAEMON_SET_WARNING : DAEMON_SET_FATAL, k -> new ArrayList<>()).add(name);
        continue;
      }
      boolean finished = PodStates.phase(pod).equals("Succeeded") || PodStates.phase(pod).equals("Failed");
      if (controller.isEmpty() && !finished) {
        boolean force = args.bool("force");
        (force ? warnings : fatal).computeIfAbsent(force ? UNMANAGED_WARNING : UNMANAGED_FATAL, k -> new ArrayList<>()).add(name);
        if (!force) {
          continue;
        }
      }
      if (!finished && hasEmptyDir(pod)) {
        boolean delete = args.bool("delete-emptydir-data") || args.bool("delete-local-data");
        (delete ? warnings : fatal).computeIfAbsent(delete ? LOCAL_STORAGE_WARNING : LOCAL_STORAGE_FATAL, k -> new ArrayList<>())
            .add(name);
        if (!delete) {
          continue;
        }
      }
      evict.add(pod);
    }
    if (!fatal.isEmpty()) {
      List<String> errors = new ArrayList<>();
      fatal.forEach((msg, pods) -> errors.add("cannot delete " + msg + ": " + String.join(", ", pods)));
      String joined = errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
      ctx.out().err("error: unable to drain node \"" + nodeName + "\" due to error: " + joined + ", continuing command...\n"
          + "There are pending nodes to be drained:\n " + nodeName + "\n");
      throw KubectlException.error(joined);
    }
    if (!warnings.isEmpty()) {
      List<String> parts = new ArrayList<>();
      warnings.forEach((msg, pods) -> parts.add(msg + ": " + String.join(", ", pods)));
      ctx.out().err("Warning: " + String.join("; ", parts) + "\n");
    }
    DeletionWait wait = new DeletionWait(ctx.api(), ctx.cluster().loop());
    long grace = args.integer("grace-period", -1);
    DeleteOptions options = new DeleteOptions(Optional.empty(), "Background");
    if (grace >= 0) {
      options = options.withGracePeriod(grace);
    }
    for (Pod pod : evict) {
      ctx.out().out("evicting pod " + pod.metadata().namespace().orElse("") + "/" + pod.metadata().nameOrEmpty() + "\n");
    }
    for (Pod pod : evict) {
      try {
        KubeObject gone = ctx.api().delete(Pod.KIND, pod.metadata().namespace().orElse(""), pod.metadata().nameOrEmpty(), options);
        wait.add("pods", gone, false);
      } catch (KubeSimException e) {
        ctx.out().err("error when evicting pods/\"" + pod.metadata().nameOrEmpty() + "\" -n \""
            + pod.metadata().namespace().orElse("") + "\": " + e.getMessage() + "\n");
      }
    }
    ctx.settle();
    wait.await(GoDuration.flag(args, "timeout", Duration.ZERO));
    for (Pod pod : evict) {
      ctx.out().out("pod/" + pod.metadata().nameOrEmpty() + " evicted\n");
    }
    ctx.out().out("node/" + nodeName + " drained\n");
  }

  /** The node's pods in every namespace, by namespace and name. */
  private static List<Pod> podsOn(CommandContext ctx, String node) {
    List<Pod> pods = new ArrayList<>();
    for (KubeObject o : ctx.api().list(Pod.KIND, Optional.empty())) {
      Pod p = (Pod) o;
      if (node.equals(PodStates.nodeName(p)) && !PodStates.isTerminating(p)) {
        pods.add(p);
      }
    }
    pods.sort(Comparator.comparing((Pod p) -> p.metadata().namespace().orElse("")).thenComparing(p -> p.metadata().nameOrEmpty()));
    return pods;
  }

  private static boolean hasEmptyDir(Pod pod) {
    return pod.specOrEmpty().volumes().stream().anyMatch(v -> v instanceof Map<?, ?> m && m.containsKey("emptyDir"));
  }
}
