package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl replace -f FILE}: each object of the manifests written over the stored one as a
 * whole (an update, what {@code PUT} does), {@code service/kubia replaced}; an object that does not
 * exist is the API server's {@code NotFound}. {@code --force} (delete and create) is not simulated.
 */
final class ReplaceCommand implements Command {
  @Override
  public String name() {
    return "replace";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("filename", "f"),
        Flag.bool("recursive", "R"),
        Flag.bool("force"),
        Flag.value("grace-period"),
        Flag.bool("save-config"),
        Flag.value("validate"),
        Flag.value("dry-run"),
        Flag.value("output", "o"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    if (args.bool("force")) {
      throw KubectlException.error("kubectl replace --force is not supported by this simulator yet");
    }
    if (!args.has("filename")) {
      throw KubectlException.usage("required flag(s) \"filename\" not set", name());
    }
    List<Failure> failures = new ArrayList<>();
    List<ManifestInput.Item> items = ManifestInput.read(ctx, failures);
    if (items.isEmpty() && failures.isEmpty()) {
      throw KubectlException.error("no objects passed to replace");
    }
    for (ManifestInput.Item item : items) {
      try {
        var written = ctx.api().updateWarned(item.object(), false);
        ctx.warn(written.warnings());
        ctx.out().out(ResourceTypes.kindPrefix(item.kind()) + "/" + written.object().metadata().nameOrEmpty() + " replaced\n");
      } catch (KubeSimException e) {
        failures.add(Failure.api(e, "error when replacing " + item.document().describe() + ": "));
      }
    }
    ctx.settle();
    ErrorMessages.report(ctx.out(), failures);
  }
}
