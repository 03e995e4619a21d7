package dev.kubesim.impl.kubectl;

import java.util.List;

/**
 * {@code kubectl top pod|node}: the cluster runs no metrics-server (the {@code metrics.k8s.io} API
 * is not served), so kubectl answers as it does against such a cluster.
 */
final class TopCommand implements Command {
  @Override
  public String name() {
    return "top";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("selector", "l"),
        Flag.bool("all-namespaces", "A"),
        Flag.bool("containers"),
        Flag.bool("no-headers"),
        Flag.value("sort-by"),
        Flag.bool("sum"),
        Flag.bool("use-protocol-buffers"),
        Flag.bool("show-capacity"));
  }

  @Override
  public void run(CommandContext ctx) {
    List<String> positional = ctx.args().positional();
    String what = positional.isEmpty() ? "" : positional.get(0);
    if (!List.of("pod", "pods", "po", "node", "nodes", "no").contains(what)) {
      throw KubectlException.usage(what.isEmpty() ? "a resource is required: pod or node" : "unknown command \"" + what
          + "\" for \"kubectl top\"", name());
    }
    throw KubectlException.error("Metrics API not available");
  }
}
