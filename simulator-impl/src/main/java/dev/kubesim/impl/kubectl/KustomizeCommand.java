package dev.kubesim.impl.kubectl;

import dev.kubesim.impl.kubectl.kustomize.Kustomize;
import java.util.List;

/**
 * {@code kubectl kustomize [DIR]}: builds the kustomization in {@code DIR} (the current directory
 * without one) and prints its objects as {@code kustomize build} prints them; kustomize's warnings
 * (deprecated fields) go to standard error.
 */
final class KustomizeCommand implements Command {
  @Override
  public String name() {
    return "kustomize";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("output", "o"), Flag.bool("enable-helm"), Flag.bool("enable-alpha-plugins"),
        Flag.value("load-restrictor"), Flag.value("reorder"));
  }

  @Override
  public void run(CommandContext ctx) {
    List<String> args = ctx.args().positional();
    if (args.size() > 1) {
      throw KubectlException.error("specify one path to kustomization.yaml");
    }
    if (ctx.args().has("output")) {
      throw KubectlException.error("--output is not supported by this simulator's kubectl kustomize");
    }
    Kustomize.Result result = ManifestInput.kustomize(ctx, args.isEmpty() ? "." : args.get(0));
    ctx.out().out(Kustomize.yaml(result.objects()));
  }
}
