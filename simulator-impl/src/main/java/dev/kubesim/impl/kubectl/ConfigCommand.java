package dev.kubesim.impl.kubectl;

import dev.kubesim.impl.kubectl.output.GoJson;
import dev.kubesim.impl.kubectl.output.GoYaml;
import dev.kubesim.impl.kubectl.print.TabWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl config}: reads and changes the {@link Kubeconfig} — {@code current-context}, {@code
 * get-contexts}, {@code get-clusters}, {@code get-users}, {@code use-context}, {@code set-context}
 * (with {@code --current} and {@code --namespace}, the way tutorials switch namespaces), {@code
 * delete-context}, {@code rename-context} and {@code view} ({@code --minify}, {@code -o}), with
 * kubectl's messages.
 */
final class ConfigCommand implements Command {
  private final Kubeconfig kubeconfig;

  ConfigCommand(Kubeconfig kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  @Override
  public String name() {
    return "config";
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.bool("current"), Flag.value("cluster"), Flag.value("user"), Flag.value("output", "o"), Flag.value("template"),
        Flag.bool("minify"), Flag.bool("raw"), Flag.bool("flatten"), Flag.bool("no-headers"));
  }

  @Override
  public void run(CommandContext ctx) {
    List<String> args = ctx.args().positional();
    if (args.isEmpty()) {
      ctx.out().out(USAGE);
      return;
    }
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      case "current-context" -> currentContext(ctx);
      case "get-contexts" -> getContexts(ctx, rest);
      case "get-clusters" -> ctx.out().out("NAME\n" + Kubeconfig.NAME + "\n");
      case "get-users" -> ctx.out().out("NAME\n" + Kubeconfig.NAME + "\n");
      case "use-context", "use" -> useContext(ctx, rest);
      case "set-context" -> setContext(ctx, rest);
      case "delete-context" -> deleteContext(ctx, rest);
      case "rename-context" -> renameContext(ctx, rest);
      case "view" -> view(ctx);
      case "set", "unset", "set-cluster", "set-credentials", "delete-cluster", "delete-user", "get-contexts-all" ->
          throw KubectlException.error("kubectl config " + args.get(0) + " is not supported by this simulator yet");
      default -> ctx.out().out(USAGE);
    }
  }

  private void currentContext(CommandContext ctx) {
    String name = kubeconfig.currentName().orElseThrow(() -> KubectlException.error("current-context is not set"));
    ctx.out().out(name + "\n");
  }

  private void getContexts(CommandContext ctx, List<String> names) {
    Map<String, Kubeconfig.Context> contexts = kubeconfig.contexts();
    boolean nameOnly = ctx.args().string("output").filter("name"::equals).isPresent();
    ctx.args().string("output").filter(o -> !o.equals("name") && !o.isEmpty()).ifPresent(o -> {
      throw KubectlException.error("output must be one of '' or 'name'");
    });
    TabWriter w = TabWriter.forTables();
    StringBuilder plain = new StringBuilder();
    if (!nameOnly && !ctx.args().bool("no-headers")) {
      w.write("CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n");
    }
    List<String> shown = names.isEmpty() ? List.copyOf(contexts.keySet()) : names;
    String missing = null;
    for (String name : shown) {
      Kubeconfig.Context c = contexts.get(name);
      if (c == null) {
        missing = name;
        break;
      }
      if (nameOnly) {
        plain.append(name).append('\n');
      } else {
        String mark = kubeconfig.currentName().filter(name::equals).isPresent() ? "*" : "";
        w.write(mark + "\t" + name + "\t" + c.cluster() + "\t" + c.user() + "\t" + c.namespace() + "\n");
      }
    }
    ctx.out().out(nameOnly ? plain.toString() : w.flush().output());
    if (missing != null) {
      throw KubectlException.error("context " + missing + " not found");
    }
  }

  private void useContext(CommandContext ctx, List<String> names) {
    if (names.size() != 1) {
      throw KubectlException.error("Unexpected args: " + names);
    }
    String name = names.get(0);
    if (!kubeconfig.contexts().containsKey(name)) {
      throw KubectlException.error("no context exists with the name: \"" + name + "\"");
    }
    kubeconfig.use(name);
    ctx.out().out("Switched to context \"" + name + "\".\n");
  }

  private void setContext(CommandContext ctx, List<String> names) {
    boolean current = ctx.args().bool("current");
    if (names.size() > 1) {
      throw KubectlException.error("Unexpected args: " + names);
    }
    if (current && !names.isEmpty()) {
      throw KubectlException.error("you cannot specify both a context name and --current");
    }
    String name;
    if (current) {
      name = kubeconfig.currentName().orElseThrow(() -> KubectlException.error("no current context is set"));
    } else if (names.isEmpty() || names.get(0).isEmpty()) {
      throw KubectlException.error("you must specify a non-empty context name or --current");
    } else {
      name = names.get(0);
    }
    Optional<Kubeconfig.Context> existing = Optional.ofNullable(kubeconfig.contexts().get(name));
    Kubeconfig.Context was = existing.orElse(new Kubeconfig.Context("", "", ""));
    kubeconfig.put(name, new Kubeconfig.Context(
        ctx.args().string("cluster").orElse(was.cluster()),
        ctx.args().string("user").orElse(was.user()),
        ctx.args().string("namespace").orElse(was.namespace())));
    ctx.out().out("Context \"" + name + "\" " + (existing.isPresent() ? "modified" : "created") + ".\n");
  }

  private void deleteContext(CommandContext ctx, List<String> names) {
    if (names.size() != 1) {
      throw KubectlException.error("Unexpected args: " + names);
    }
    String name = names.get(0);
    if (!kubeconfig.contexts().containsKey(name)) {
      throw KubectlException.error("cannot delete context " + name + ", not in " + Kubeconfig.PATH);
    }
    if (kubeconfig.currentName().filter(name::equals).isPresent()) {
      ctx.out().err("warning: this removed your active context, use \"kubectl config use-context\" to select a different one\n");
    }
    kubeconfig.remove(name);
    ctx.out().out("deleted context " + name + " from " + Kubeconfig.PATH + "\n");
  }

  private void renameContext(CommandContext ctx, List<String> names) {
    if (names.size() != 2) {
      throw KubectlException.error("Unexpected args: " + names);
    }
    String from = names.get(0);
    String to = names.get(1);
    Kubeconfig.Context c = kubeconfig.contexts().get(from);
    if (c == null) {
      throw KubectlException.error("cannot rename the context \"" + from + "\", it's not in " + Kubeconfig.PATH);
    }
    if (kubeconfig.contexts().containsKey(to)) {
      throw KubectlException.error("cannot rename the context \"" + from + "\", the context \"" + to
          + "\" already exists in " + Kubeconfig.PATH);
    }
    kubeconfig.remove(from);
    kubeconfig.put(to, c);
    if (kubeconfig.currentName().filter(from::equals).isPresent()) {
      kubeconfig.use(to);
    }
    ctx.out().out("Context \"" + from + "\" renamed to \"" + to + "\".\n");
  }

  private void view(CommandContext ctx) {
    com.fasterxml.jackson.databind.JsonNode tree = kubeconfig.view(ctx.args().bool("minify"));
    OutputFormat.Printer printer = OutputFormat.resolve(ctx.args().string("output"), ctx.args().string("template"), ctx);
    switch (printer.format()) {
      case TABLE, YAML -> ctx.out().out(GoYaml.write(tree));
      case JSON -> ctx.out().out(GoJson.indented(tree, "    ") + "\n");
      case JSONPATH -> ctx.out().out(TemplateOutput.jsonPath(printer.template(), tree));
      case GO_TEMPLATE -> TemplateOutput.goTemplate(printer.template(), tree, true, ctx.out());
      default -> throw KubectlException.error("--output " + ctx.args().string("output").orElse("")
          + " is not supported by kubectl config view in this simulator");
    }
  }

  private static final String USAGE = """
      Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

      Available Commands:
        current-context   Display the current-context
        delete-context    Delete the specified context from the kubeconfig
        get-clusters      Display clusters defined in the kubeconfig
        get-contexts      Describe one or many contexts
        get-users         Display users defined in the kubeconfig
        rename-context    Rename a context from the kubeconfig file
        set-context       Set a context entry in kubeconfig
        use-context       Set the current-context in a kubeconfig file
        view              Display merged kubeconfig settings or a specified kubeconfig file

      Usage:
        kubectl config SUBCOMMAND [options]
      """;
}
