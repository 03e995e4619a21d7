package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Kinds.KindInfo;
import java.util.List;
import java.util.TreeSet;

/** {@code kubectl api-versions}: every {@code group/version} the API server serves, one a line, sorted. */
final class ApiVersionsCommand implements Command {
  @Override
  public String name() {
    return "api-versions";
  }

  @Override
  public List<Flag> flags() {
    return List.of();
  }

  @Override
  public void run(CommandContext ctx) {
    TreeSet<String> versions = new TreeSet<>();
    for (KindInfo k : ctx.api().kinds().served()) {
      versions.add(k.group().isEmpty() ? k.version() : k.group() + "/" + k.version());
    }
    StringBuilder out = new StringBuilder();
    versions.forEach(v -> out.append(v).append('\n'));
    ctx.out().out(out.toString());
  }
}
