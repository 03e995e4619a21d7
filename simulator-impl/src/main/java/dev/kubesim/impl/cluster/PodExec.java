package dev.kubesim.impl.cluster;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.PodStates;
import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.kubelet.KubeletUnreachable;
import dev.kubesim.impl.program.RunningContainer;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl exec}'s way to a container: the pod by {@code namespace/name} (or a name in
 * {@code default}), its node's kubelet, the container (the first one when none is named), and the
 * command run there with the container's environment. Failures are the API server's and kubectl's
 * own answers.
 */
final class PodExec {
  private PodExec() {}

  static ExecResult run(SimCluster cluster, String podRef, String containerName, List<String> command, String stdin) {
    return container(cluster, podRef, containerName, command).exec(command, stdin);
  }

  /** The running container an exec of {@code command} reaches, or the API server's refusal. */
  static RunningContainer container(SimCluster cluster, String podRef, String containerName, List<String> command) {
    ObjectKey key = parse(podRef);
    Pod pod = (Pod) cluster.api().getOrThrow(Pod.KIND, key.namespace(), key.name());
    if (command.isEmpty()) {
      throw new BadRequestException("you must specify at least one command for the container");
    }
    String container = containerName.isEmpty()
        ? pod.specOrEmpty().containers().get(0).name().orElse("")
        : containerName;
    boolean known = pod.specOrEmpty().containers().stream().anyMatch(c -> c.name().filter(container::equals).isPresent());
    if (!known) {
      throw new BadRequestException("container " + container + " is not valid for pod " + key.name());
    }
    if (!PodStates.isScheduled(pod)) {
      throw new BadRequestException("pod " + key.name() + " does not have a host assigned");
    }
    Optional<Kubelet> kubelet = cluster.kubelet(PodStates.nodeName(pod));
    if (kubelet.isPresent() && !kubelet.get().isRunning()) {
      throw KubeletUnreachable.exec(kubelet.get());
    }
    Optional<RunningContainer> running = kubelet
        .flatMap(k -> k.worker(key))
        .flatMap(w -> w.container(container));
    if (running.isEmpty()) {
      String phase = PodStates.phase(pod);
      if (phase.equals("Succeeded") || phase.equals("Failed")) {
        throw new BadRequestException("cannot exec into a container in a completed pod; current phase is " + phase);
      }
      throw new BadRequestException("unable to upgrade connection: container not found (\"" + container + "\")");
    }
    return running.get();
  }

  static ObjectKey parse(String podRef) {
    int slash = podRef.indexOf('/');
    return slash < 0 ? new ObjectKey("default", podRef) : new ObjectKey(podRef.substring(0, slash), podRef.substring(slash + 1));
  }

}
