package dev.kubesim.impl.kubectl;

import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kubectl get}: one table per kind (prefixed {@code kind/name} when several kinds are
 * shown, separated by a blank line), or {@code -o yaml|json|name}; {@code No resources found ...}
 * on standard error for an empty list, and the API's errors for missing names.
 */
final class GetCommand implements Command {
  /** What the API server warns of every v1 Endpoints read, and kubectl prints on standard error. */
  static final String ENDPOINTS_WARNING =
      "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n";

  @Override
  public String name() {
    return "get";
  }

  @Override
  public List<Flag> flags() {
    return List.of(
        Flag.value("output", "o"),
        Flag.value("template"),
        Flag.bool("allow-missing-template-keys"),
        Flag.value("selector", "l"),
        Flag.bool("all-namespaces", "A"),
        Flag.bool("show-labels"),
        Flag.bool("no-headers"),
        Flag.bool("show-kind"),
        Flag.bool("ignore-not-found"),
        Flag.value("label-columns", "L"),
        Flag.value("filename", "f"),
        Flag.value("kustomize", "k"),
        Flag.bool("recursive", "R"),
        Flag.bool("watch", "w"),
        Flag.bool("watch-only"),
        Flag.value("chunk-size"),
        Flag.value("field-selector"),
        Flag.value("sort-by"));
  }

  @Override
  public void run(CommandContext ctx) {
    ParsedArgs args = ctx.args();
    boolean watch = args.bool("watch") || args.bool("watch-only");
    OutputFormat.Printer printer = OutputFormat.resolve(args.string("output"), args.string("template"), ctx);
    OutputFormat format = printer.format();
    List<Failure> failures = new ArrayList<>();
    List<ResourceArgs.Request> requests = ManifestInput.requests(ctx, args.positional(), true,
            "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\n"
                + "error: Required resource not specified.\n"
                + "Use \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\n"
                + "See 'kubectl get -h' for help and examples", failures);
    boolean named = requests.stream().anyMatch(r -> !r.names().isEmpty());
    if (named && (args.has("selector") || ListNarrowing.nonEmpty(args.string("field-selector")).isPresent())) {
      throw KubectlException.error("name cannot be provided when a selector is specified");
    }
    if (watch) {
      GetWatch.refusal(requests, format).ifPresent(why -> {
        throw KubectlException.error(why);
      });
    }
    ObjectQuery query = ObjectQuery.from(ctx);
    List<ObjectQuery.Result> results = new ArrayList<>();
    for (ResourceArgs.Request r : requests) {
      results.add(query.fetch(r, failures));
    }
    Optional<String> fieldSelector = ListNarrowing.nonEmpty(args.string("field-selector"));
    if (fieldSelector.isPresent()) {
      results = ListNarrowing.fieldSelected(results, fieldSelector.get(), args.string("selector").orElse(""), failures);
    }
    Optional<String> sortBy = ListNarrowing.nonEmpty(args.string("sort-by"));
    if (sortBy.isPresent()) {
      results = ListNarrowing.sorted(results, sortBy.get());
    }
    if (args.bool("ignore-not-found")) {
      failures.removeIf(f -> f.apiError() != null && "NotFound".equals(f.apiError().reason()));
    }
    if (requests.stream().anyMatch(r -> r.kind().kind().equals("Endpoints"))) {
      ctx.out().err(ENDPOINTS_WARNING);
    }
    if (watch && failures.isEmpty()) {
      GetWatch.run(ctx, format, requests.get(0), results.get(0), tableOptions(ctx, format, Set.of(requests.get(0).kind())));
      return;
    }
    List<KubeObject> all = new ArrayList<>();
    results.forEach(r -> all.addAll(r.objects()));
    switch (format) {
      case YAML, JSON -> {
        if (!all.isEmpty() || !named) {
          ctx.out().out(ObjectOutput.render(format == OutputFormat.JSON ? "json" : "yaml", all,
              ResourceArgs.singleItemImplied(requests)));
        }
      }
      case JSONPATH -> {
        if (!all.isEmpty() || !named) {
          ctx.out().out(TemplateOutput.jsonPath(printer.template(),
              ObjectOutput.tree(all, ResourceArgs.singleItemImplied(requests))));
        }
      }
      case GO_TEMPLATE -> {
        if (!all.isEmpty() || !named) {
          TemplateOutput.goTemplate(printer.template(), ObjectOutput.tree(all, ResourceArgs.singleItemImplied(requests)),
              allowMissingTemplateKeys(args), ctx.out());
        }
      }
      case CUSTOM_COLUMNS -> {
        if (!all.isEmpty()) {
          ctx.out().out(TemplateOutput.customColumns(printer.template(), all,
              args.bool("no-headers")));
        }
      }
      case NAME -> {
        for (ObjectQuery.Result r : results) {
          for (KubeObject o : r.objects()) {
            ctx.out().out(ResourceTypes.kindPrefix(r.kind()) + "/" + o.metadata().nameOrEmpty() + "\n");
          }
        }
      }
      default -> printTables(ctx, format, requests, results, named, failures);
    }
    ErrorMessages.report(ctx.out(), failures);
  }

  /** {@code --allow-missing-template-keys}, true unless given false, read as pflag reads a boolean. */
  private static boolean allowMissingTemplateKeys(ParsedArgs args) {
    String v = args.string("allow-missing-template-keys").orElse("true");
    switch (v) {
      case "1", "t", "T", "true", "TRUE", "True":
        return true;
      case "0", "f", "F", "false", "FALSE", "False":
        return false;
      default:
        throw KubectlException.usage("invalid argument \"" + v + "\" for \"--allow-missing-template-keys\" flag: "
            + "strconv.ParseBool: parsing \"" + v + "\": invalid syntax", args.commandPath());
    }
  }

  private static void printTables(
      CommandContext ctx, OutputFormat format, List<ResourceArgs.Request> requests, List<ObjectQuery.Result> results,
      boolean named, List<Failure> failures) {
    ParsedArgs args = ctx.args();
    Set<KindInfo> kinds = new LinkedHashSet<>();
    requests.forEach(r -> kinds.add(r.kind()));
    TableOptions options = tableOptions(ctx, format, kinds);
    StringBuilder out = new StringBuilder();
    int printed = 0;
    // consecutive results of the same kind share one table, as kubectl prints them
    List<KubeObject> pending = new ArrayList<>();
    KindInfo pendingKind = null;
    for (ObjectQuery.Result r : results) {
      if (pendingKind != null && !pendingKind.equals(r.kind())) {
        printed = flush(out, options, pendingKind, pending, printed, ctx);
        pending = new ArrayList<>();
      }
      pendingKind = r.kind();
      pending.addAll(r.objects());
    }
    if (pendingKind != null) {
      printed = flush(out, options, pendingKind, pending, printed, ctx);
    }
    ctx.out().out(out.toString());
    if (printed == 0 && !named && failures.isEmpty() && !args.bool("ignore-not-found")) {
      boolean namespaced = kinds.stream().anyMatch(KindInfo::namespaced);
      if (namespaced && !args.bool("all-namespaces")) {
        ctx.out().err("No resources found in " + ctx.namespace() + " namespace.\n");
      } else {
        ctx.out().err("No resources found\n");
      }
    }
  }

  private static TableOptions tableOptions(CommandContext ctx, OutputFormat format, Set<KindInfo> kinds) {
    ParsedArgs args = ctx.args();
    boolean withKind = kinds.size() > 1 || args.bool("show-kind");
    List<String> labelColumns = new ArrayList<>();
    for (String l : args.strings("label-columns")) {
      for (String key : l.split(",")) {
        if (!key.isEmpty()) {
          labelColumns.add(key);
        }
      }
    }
    return new TableOptions(format == OutputFormat.WIDE, args.bool("all-namespaces"), withKind, args.bool("show-labels"),
        labelColumns, args.bool("no-headers"), ctx.api().kinds());
  }

  private static int flush(
      StringBuilder out, TableOptions options, KindInfo kind, List<KubeObject> objects, int printed, CommandContext ctx) {
    if (objects.isEmpty()) {
      return printed;
    }
    if (printed > 0) {
      out.append('\n');
    }
    out.append(options.render(kind, objects, ctx.now()));
    return printed + 1;
  }
}
