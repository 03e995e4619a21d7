package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.kubectl.print.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl api-resources}: NAME SHORTNAMES APIVERSION NAMESPACED KIND for every kind the
 * simulated API server serves, sorted by API group then name as kubectl sorts them.
 */
final class ApiResourcesCommand implements Command {
  @Override
  public String name() {
    return "api-resources";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.value("output", "o"), Flag.bool("no-headers"), Flag.value("namespaced"), Flag.value("api-group"),
        Flag.value("sort-by"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    Optional<String> namespaced = args.string("namespaced");
    Optional<String> group = args.string("api-group");
    String sortBy = args.string("sort-by").orElse("");
    List<KindInfo> kinds = new ArrayList<>();
    for (KindInfo k : ctx.api().kinds().all()) {
      if (namespaced.isPresent() && Boolean.parseBoolean(namespaced.get()) != k.namespaced()) {
        continue;
      }
      if (group.isPresent() && !group.get().equals(k.group())) {
        continue;
      }
      kinds.add(k);
    }
    Comparator<KindInfo> order =
        switch (sortBy) {
          case "name" -> Comparator.comparing(KindInfo::resource);
          case "kind" -> Comparator.comparing(KindInfo::kind);
          default -> Comparator.comparing(KindInfo::group).thenComparing(KindInfo::resource);
        };
    kinds.sort(order);
    String output = args.string("output").orElse("");
    if (output.equals("name")) {
      StringBuilder sb = new StringBuilder();
      kinds.forEach(k -> sb.append(k.group().isEmpty() ? k.resource() : k.resource() + "." + k.group()).append('\n'));
      ctx.out().out(sb.toString());
      return;
    }
    if (!output.isEmpty() && !output.equals("wide")) {
      throw KubectlException.error("--output " + output + " is not available");
    }
    Table table = Table.withHeaders("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND");
    for (KindInfo k : kinds) {
      table.addRow(k.resource(), String.join(",", ResourceTypes.shortNames(ctx.api().kinds(), k)), k.apiVersion(),
          Boolean.toString(k.namespaced()), k.kind());
    }
    ctx.out().out(args.bool("no-headers") ? table.renderWithoutHeaders() : table.render());
  }
}
