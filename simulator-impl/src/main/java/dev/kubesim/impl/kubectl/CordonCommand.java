package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Node;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.NodeStates;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl cordon NODE} and {@code kubectl uncordon NODE} (drain.go's {@code
 * RunCordonOrUncordon}): sets or clears {@code spec.unschedulable} and prints {@code node/node-1
 * cordoned}, or {@code already cordoned} when there was nothing to change. The scheduler then
 * leaves the node out; the node lifecycle controller adds the {@code
 * node.kubernetes.io/unschedulable:NoSchedule} taint. Pods already on the node stay.
 */
final class CordonCommand implements Command {
  private final boolean cordon;

  private CordonCommand(boolean cordon) {
    this.cordon = cordon;
  }

  static CordonCommand cordon() {
    return new CordonCommand(true);
  }

  static CordonCommand uncordon() {
    return new CordonCommand(false);
  }

  @Override
  public String name() {
    return cordon ? "cordon" : "uncordon";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("selector", "l"), Flag.value("dry-run"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    if (args.positional().isEmpty() && !args.has("selector")) {
      throw KubectlException.usageErrorf("USAGE: " + name() + " NODE [flags]", name());
    }
    List<Failure> failures = new ArrayList<>();
    List<KubeObject> nodes = new ArrayList<>();
    if (args.positional().isEmpty()) {
      var selector = SelectorParser.parse(args.string("selector").orElse(""));
      ctx.api().list(Node.KIND, Optional.empty()).stream().filter(n -> selector.test(n.metadata().labels())).forEach(nodes::add);
    } else {
      for (String name : args.positional()) {
        Optional<KubeObject> node = ctx.api().get(Node.KIND, "", name);
        if (node.isPresent()) {
          nodes.add(node.get());
        } else {
          failures.add(Failure.api(ApiServer.notFound(Node.KIND, name), ""));
        }
      }
    }
    String verb = cordon ? "cordoned" : "uncordoned";
    boolean dryRun = !args.string("dry-run").orElse("none").equals("none");
    for (KubeObject o : nodes) {
      Node node = (Node) o;
      String name = node.metadata().nameOrEmpty();
      if (NodeStates.isCordoned(node) == cordon) {
        ctx.out().out("node/" + name + " already " + verb + "\n");
        continue;
      }
      try {
        if (!dryRun) {
          ctx.api().update(NodeStates.withUnschedulable(node, cordon));
        }
        ctx.out().out("node/" + name + " " + verb + (dryRun ? args.string("dry-run").get().equals("server") ? " (server dry run)" : " (dry run)" : "") + "\n");
      } catch (KubeSimException e) {
        ctx.out().err("error: unable to " + name() + " node \"" + name + "\": " + e.getMessage() + "\n");
        ctx.out().markFailed();
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }
}
