package dev.kubesim.impl.kubectl;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubectlResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * kubectl in front of a simulated cluster: parses a command line as the shell and cobra would,
 * runs the command against the cluster's API server and returns what real kubectl v1.34 prints on
 * standard output and standard error, and its exit code.
 *
 * <pre>{@code
 * Kubectl kubectl = new Kubectl(cluster);
 * kubectl.run("get svc kubia").stdout();
 * // NAME    TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
 * // kubia   ClusterIP   10.96.71.176   <none>        80/TCP    2m
 * }</pre>
 *
 * <p>After a command that writes, the cluster settles, so controllers have reacted before the
 * next command. Not thread-safe by itself; the cluster calls it under its lock.
 */
public final class Kubectl {
  /** Commands of real kubectl that kubesim answers with a clear "not supported yet". */
  private static final List<String> NOT_YET =
      List.of("edit",
          "proxy", "cp", "debug", "diff", "auth",
          "certificate", "plugin", "completion", "options", "alpha");

  private final KubectlHost cluster;
  private final Map<String, Command> commands = new LinkedHashMap<>();
  /** The kubeconfig this kubectl reads: its current context's namespace is the default one. */
  private final Kubeconfig kubeconfig;

  /** kubectl for this cluster. */
  public Kubectl(KubectlHost cluster) {
    this.cluster = cluster;
    this.kubeconfig = new Kubeconfig(
        "https://" + cluster.options().nodes().get(0).internalIP() + ":" + cluster.apiServerPort());
  }

  /**
   * The commands, made at first use: a cluster that is never asked a kubectl command line (a Java
   * test's) loads none of them.
   */
  private Map<String, Command> commands() {
    if (commands.isEmpty()) {
      register(new GetCommand());
      register(new DescribeCommand());
      register(new CreateCommand());
      register(new ApplyCommand());
      register(new DeleteCommand());
      register(new ExposeCommand());
      register(MetadataCommand.label());
      register(MetadataCommand.annotate());
      register(new ScaleCommand());
      register(new SetImageCommand());
      register(new PatchCommand());
      register(new ReplaceCommand());
      register(new TopCommand());
      register(new TaintCommand());
      register(new DrainCommand());
      register(new VersionCommand());
      register(new ClusterInfoCommand());
      register(new ApiResourcesCommand());
      register(new ExecCommand());
      register(new AttachCommand());
      register(new LogsCommand());
      register(CordonCommand.cordon());
      register(CordonCommand.uncordon());
      register(new RolloutCommand());
      register(new WaitCommand());
      register(new RunCommand());
      register(new AutoscaleCommand());
      register(new ConfigCommand(kubeconfig));
      register(new PortForwardCommand());
      register(new EventsCommand());
      register(new ApiVersionsCommand());
      register(new KustomizeCommand());
      register(new ExplainCommand());
      for (String name : NOT_YET) {
        commands.putIfAbsent(name, new UnsupportedCommand(name));
      }
    }
    return commands;
  }

  /** Adds or replaces a command (later work plugs {@code exec}, {@code logs} and others in here). */
  void register(Command command) {
    commands.put(command.name(), command);
  }

  /** Runs a command line, with empty standard input. */
  public KubectlResult run(String commandLine) {
    return run(commandLine, "");
  }

  /** Runs a command line; {@code stdin} is what {@code -f -} reads. */
  public KubectlResult run(String commandLine, String stdin) {
    return run(commandLine, stdin, name -> Optional.empty());
  }

  /**
   * Runs a command line whose {@code -f NAME} manifests come from {@code files} where it knows the
   * name (a lab's manifests on the classpath), from the filesystem otherwise; messages name them
   * as kubectl names files.
   */
  public KubectlResult run(String commandLine, String stdin, Function<String, Optional<String>> files) {
    return run(commandLine, stdin, files, false).stopped().result();
  }

  /**
   * What a command line typed at a terminal did: kubectl's output, and the shell it stays attached
   * to when the line was {@code exec -i POD -- SHELL}; the terminal's next lines go to that shell.
   */
  public record TerminalRun(KubectlResult result, Optional<InteractiveExec> attached, Optional<Runnable> holding,
      String screen) {
    /** A run that left nothing attached or running, its streams shown warnings first and errors last. */
    TerminalRun(KubectlResult result, Optional<InteractiveExec> attached) {
      this(result, attached, Optional.empty(), result.succeeded() ? result.stderr() + result.stdout()
          : result.stdout() + result.stderr());
    }

    /**
     * The run as a caller sees it that cannot leave kubectl running: what it held open is closed, as
     * Ctrl-C closes it, which the terminal echoes.
     */
    TerminalRun stopped() {
      holding.ifPresent(Runnable::run);
      return new TerminalRun(result, attached, Optional.empty(), holding.isPresent() ? screen + "^C\n" : screen);
    }
  }

  /**
   * Runs a command line typed at a terminal: as {@link #run(String, String, Function)} with empty
   * input, except that {@code exec -i} of a shell ({@code -it ... -- bash}) attaches it and returns
   * at once, leaving it to read the terminal's next lines.
   */
  public TerminalRun runAtTerminal(String commandLine, Function<String, Optional<String>> files) {
    return run(commandLine, "", files, true).stopped();
  }

  private TerminalRun run(String commandLine, String stdin, Function<String, Optional<String>> files, boolean terminal) {
    List<String> pipeline = Tokenizer.pipeline(commandLine);
    if (pipeline.size() > 1) {
      return new TerminalRun(piped(pipeline, stdin, files), Optional.empty());
    }
    return runAlone(commandLine, stdin, files, terminal);
  }

  /**
   * {@code kubectl ... | grep x | wc -l}: kubectl's output is the next command's input, and the
   * rest of the pipeline runs on the host, as the shell at the terminal runs it. The pipeline's
   * status is its last command's; kubectl's errors still reach the terminal.
   */
  private KubectlResult piped(List<String> pipeline, String stdin, Function<String, Optional<String>> files) {
    // kubectl's output is a pipe, not a terminal: an exec -it's shell does not stay attached
    KubectlResult first = runAlone(pipeline.get(0), stdin, files, false).stopped().result();
    ExecResult rest = cluster.runOnHost(String.join("|", pipeline.subList(1, pipeline.size())), first.stdout());
    return new KubectlResult(rest.stdout(), first.stderr() + rest.stderr(), rest.exitCode());
  }

  private TerminalRun runAlone(String commandLine, String stdin, Function<String, Optional<String>> files,
      boolean terminal) {
    return runSplit(() -> {
      List<String> words = new ArrayList<>(Tokenizer.tokenize(commandLine));
      if (!words.isEmpty() && words.get(0).equals("kubectl")) {
        words.remove(0);
      }
      return words;
    }, stdin, files, terminal);
  }

  /**
   * Runs kubectl with its arguments already split by the shell that started it ({@code argv[1..]}: a
   * {@code kubectl} typed in a host's shell after the shell expanded the line).
   *
   * @param terminal whether kubectl's output is the terminal, so that {@code exec -it} of a shell
   *     attaches it
   */
  public TerminalRun runArguments(List<String> args, String stdin, Function<String, Optional<String>> files,
      boolean terminal) {
    return runSplit(() -> args, stdin, files, terminal);
  }

  private TerminalRun runSplit(java.util.function.Supplier<List<String>> split, String stdin,
      Function<String, Optional<String>> files, boolean terminal) {
    KubectlOutput out = new KubectlOutput();
    List<String> words = List.of();
    try {
      words = List.copyOf(split.get());
      dispatch(new ArrayList<>(words), stdin, files, out, terminal);
    } catch (KubectlException e) {
      out.fail(e.getMessage());
    } catch (KubeSimException e) {
      out.fail(ErrorMessages.single(ErrorMessages.Failure.api(e, "")));
    } catch (RuntimeException e) {
      // a simulator bug must not surface as a stack trace in a lab; say what broke instead
      out.fail("error: internal error in kubesim's kubectl: " + e);
    }
    KubectlResult result = out.result();
    String screen = out.screen();
    if (!result.succeeded()) {
      List<String> hints = TypographicDashes.hints(words, longFlags());
      if (!hints.isEmpty()) {
        String more = String.join("\n", hints) + "\n";
        result = new KubectlResult(result.stdout(), result.stderr() + more, result.exitCode());
        screen += more;
      }
    }
    return new TerminalRun(result, out.attached(), out.holding(), screen);
  }

  /** Every long flag name some command takes. */
  private Set<String> longFlags() {
    Set<String> names = new HashSet<>();
    globalFlags().forEach(f -> names.add(f.name()));
    commands().values().forEach(c -> c.flags().forEach(f -> names.add(f.name())));
    return names;
  }

  private void dispatch(List<String> words, String stdin, Function<String, Optional<String>> files, KubectlOutput out,
      boolean terminal) {
    // the command is the first word that is neither a flag nor the value of the global -n flag
    int at = -1;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (GLOBAL_VALUE_FLAGS.contains(w)) {
        i++;
      } else if (!w.startsWith("-")) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      if (words.isEmpty() || words.contains("-h") || words.contains("--help")) {
        out.out(Help.TEXT);
        return;
      }
      new FlagParser(globalFlags(), "").parse(words); // reports the unknown flag as kubectl would
      out.out(Help.TEXT);
      return;
    }
    String name = words.get(at);
    if (name.equals("help")) {
      // "kubectl help" is the top-level help; "kubectl help get" the command's, as --help gives it
      List<String> about = words.subList(at + 1, words.size()).stream().filter(w -> !w.startsWith("-")).toList();
      if (!about.isEmpty() && commands().containsKey(about.get(0))) {
        dispatch(List.of(about.get(0), "--help"), stdin, files, out, terminal);
      } else {
        out.out(Help.TEXT);
      }
      return;
    }
    Command command = commands().get(name);
    if (command == null) {
      throw KubectlException.raw("Error: unknown command \"" + name + "\" for \"kubectl\"" + suggestions(name));
    }
    List<String> rest = new ArrayList<>(words.subList(0, at));
    rest.addAll(words.subList(at + 1, words.size()));
    ParsedArgs args;
    if (command.parsesFlags()) {
      List<Flag> flags = new ArrayList<>(command.flags());
      flags.addAll(globalFlags());
      args = new FlagParser(flags, name).parse(rest);
    } else {
      args = new ParsedArgs(name);
      rest.forEach(args::addPositional);
    }
    if (args.bool("help")) {
      out.out("Usage:\n  kubectl " + name + " [options]\n\nUse \"kubectl options\" for a list of global command-line options"
          + " (applies to all commands).\n");
      return;
    }
    Optional<String> context = args.has("context") ? args.string("context") : Optional.empty();
    if (!(command instanceof ConfigCommand)) {
      reachable(context);
    }
    String namespace = context.map(c -> kubeconfig.contexts().get(c)).map(Kubeconfig.Context::namespace)
        .filter(n -> !n.isEmpty()).orElseGet(() -> context.isPresent() ? "default" : kubeconfig.namespace());
    command.run(new CommandContext(cluster, args, stdin, files, out, terminal, namespace));
  }

  /** The global flags that take a value as the next word ({@code --context NAME}). */
  private static final Set<String> GLOBAL_VALUE_FLAGS = Set.of("-n", "--namespace", "--context", "--request-timeout",
      "--kubeconfig", "--cluster", "--user", "-v", "--v");

  /**
   * Fails as kubectl does when the context ({@code --context}, else the kubeconfig's current one)
   * does not lead to the cluster.
   */
  private void reachable(Optional<String> context) {
    if (context.isPresent()) {
      Kubeconfig.Context c = kubeconfig.contexts().get(context.get());
      if (c == null) {
        throw KubectlException.raw("Error in configuration: context was not found for specified context: " + context.get());
      }
      if (!c.cluster().equals(Kubeconfig.NAME)) {
        throw KubectlException.raw("The connection to the server localhost:8080 was refused - did you specify the right host or port?");
      }
      return;
    }
    if (kubeconfig.currentName().isPresent() && kubeconfig.current().isEmpty()) {
      throw KubectlException.raw("Error in configuration: context was not found for specified context: "
          + kubeconfig.currentName().get());
    }
    if (!kubeconfig.reachesCluster()) {
      // no cluster to talk to: kubectl falls back to the default server address
      throw KubectlException.raw("The connection to the server localhost:8080 was refused - did you specify the right host or port?");
    }
  }

  /**
   * kubectl's global flags: {@code -n}, {@code -h}, {@code --context} (a context of the kubeconfig,
   * as {@code kubectl config} keeps it), and the connection and logging flags, taken and without
   * effect in the simulation ({@code --request-timeout}, {@code -v}, {@code --kubeconfig}, {@code
   * --cluster}, {@code --user}, {@code --insecure-skip-tls-verify}).
   */
  private static List<Flag> globalFlags() {
    return List.of(Flag.value("namespace", "n"), Flag.bool("help", "h"), Flag.value("context"),
        Flag.value("request-timeout"), Flag.value("v", "v"), Flag.value("kubeconfig"), Flag.value("cluster"),
        Flag.value("user"), Flag.bool("insecure-skip-tls-verify"));
  }

  /** cobra's "Did you mean this?" list: commands within two edits, or starting with the word. */
  private String suggestions(String word) {
    List<String> close = new ArrayList<>();
    for (String c : commands().keySet()) {
      if (Help.distance(word.toLowerCase(), c) <= 2 || c.startsWith(word.toLowerCase())) {
        close.add(c);
      }
    }
    if (close.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\n\nDid you mean this?\n");
    close.forEach(c -> sb.append('\t').append(c).append('\n'));
    return sb.toString();
  }
}
