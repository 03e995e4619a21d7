package dev.kubesim.samples.cli;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.samples.bench.BenchRunner;
import dev.kubesim.samples.bench.ClusterBenchmarks;
import dev.kubesim.samples.conformance.ConformanceCommand;
import dev.kubesim.samples.lab.BuiltInLabs;
import dev.kubesim.samples.lab.LabRunner;
import dev.kubesim.samples.lab.LabFile;
import dev.kubesim.samples.lab.LabGrader;
import dev.kubesim.samples.lab.LabPlayer;
import dev.kubesim.samples.lab.LabScript;
import dev.kubesim.samples.lab.LabStep;
import dev.kubesim.samples.lab.LabWalkthrough;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code kubesim} command line: {@code shell}, {@code run FILE}, {@code lab NAME}, {@code
 * conformance PATH...}, {@code bench [NAME...]}, {@code reachability}, {@code serve} and {@code web}.
 */
public final class KubeSimCommand {
  private static final String USAGE = """
      usage: kubesim <command> [args]

      commands:
        shell               read kubectl command lines (and "advance 30s") from standard input;
                            other lines run in bash on a host next to the cluster, whose
                            kubectl is the cluster's (variables, $(...), pipes, loops,
                            here-documents)
        run FILE            run a lab script: one command a line, # comments
        lab NAME|FILE       walk through a lab: a built-in one (%s), its tasks
                            shown solved, or a lab file (Markdown with steps, tasks
                            and checks), whose tasks read your lines until their
                            checks pass (or "skip")
        lab NAME|FILE --check HISTORY
                            grade a command history (the lines typed, in order) on a
                            fresh cluster: each task's checks, and the score
        conformance PATH... run conformance scenarios (files or folders)
        bench [NAME...]     run the benchmarks and print "name value unit" lines
        serve [--port N] [--kubeconfig FILE] [--addons A,B] [--wall-clock]
                            serve the Kubernetes API of a new cluster over HTTP on
                            127.0.0.1 for the real kubectl and other clients; writes a
                            kubeconfig (default kubesim.kubeconfig) and runs until Ctrl-C
        web [--port N]      serve a lab in the browser on 127.0.0.1 (default port 8080):
                            a terminal, the cluster's nodes, pods and Services, the
                            last request's trace, the clock and the built-in labs;
                            each browser session gets its own cluster
        reachability PORT[/PROTOCOL] [-n NAMESPACE]... FILE...
                            apply the manifests (files or folders), then print which pods
                            reach which on the port (TCP or UDP), as the NetworkPolicy e2e
                            tests probe them

      kubesim's own lines in shell, run and lab (beside kubectl's):
        trace               the hops of the last request a line sent
        trace --mermaid|--dot|--svg [FILE]
                            that request as a sequence diagram (Mermaid, Graphviz DOT
                            or SVG), written to FILE or printed
        map --dot|--svg [--trace] [FILE]
                            the cluster as a map: nodes and their pods, Services and
                            their endpoints, Ingresses, NetworkPolicies; --trace
                            highlights the last request's way
        advance 30s         move virtual time
        iptables-save [NODE], nft list ruleset [NODE]
                            a node's kube-proxy rules (iptables or nftables mode)
        reachability PORT[/PROTOCOL] [NAMESPACE...]

      options of shell, run, lab, serve, web and reachability:
        --seed N            the simulation's seed (default 1)
        --nodes N           the number of nodes (default 3)
        --addons A,B        the add-ons, coredns and ingress-nginx (default coredns;
                            lab: both; not for web)
        --proxy-mode MODE   kube-proxy's mode, iptables (default) or nftables
      """;

  /** The chapter's last part needs an ingress controller, as {@code minikube addons enable ingress} gives one. */
  private static final List<String> LAB_ADDONS = List.of("coredns", "ingress-nginx");

  private KubeSimCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Runs a sub-command and returns the process exit code. */
  public static int run(String[] args, PrintStream out) {
    return run(args, System.in, out);
  }

  /**
   * Runs a sub-command with the lines of {@code in} as what a student types (the tasks of {@code lab
   * FILE}) and returns the process exit code.
   */
  public static int run(String[] args, java.io.InputStream in, PrintStream out) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
      out.print(USAGE.formatted(String.join(", ", BuiltInLabs.names())));
      return args.length == 0 ? 2 : 0;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "shell" -> shell(rest, out);
        case "run" -> runFile(rest, out);
        case "lab" -> lab(rest, in, out);
        case "conformance" -> conformance(rest, out);
        case "bench" -> new BenchRunner().run(benchmarks(), rest, out);
        case "reachability" -> reachability(rest, out);
        case "serve" -> ServeCommand.run(rest, out);
        case "web" -> WebCommand.run(rest, out);
        default -> {
          out.println("kubesim: unknown command \"" + args[0] + "\"");
          out.print(USAGE.formatted(String.join(", ", BuiltInLabs.names())));
          yield 2;
        }
      };
    } catch (IllegalArgumentException | KubeSimException e) {
      out.println("kubesim: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      out.println("kubesim: " + e.getMessage());
      return 1;
    } catch (java.io.UncheckedIOException e) {
      // a port already taken, a file that cannot be written: said as such, not as a stack trace
      out.println("kubesim: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Starts what {@code kubesim serve ARGS} serves and returns it running, without waiting for an
   * interrupt (for embedding and tests); closing it closes the cluster and the server.
   */
  public static java.io.Closeable startServing(String[] args, PrintStream out) {
    return ServeCommand.start(Arrays.asList(args), out);
  }

  /**
   * Starts what {@code kubesim web ARGS} serves and returns it running, without waiting for an
   * interrupt (for embedding and tests); closing it stops the server and closes every session.
   */
  public static dev.kubesim.samples.web.WebServer startWeb(String[] args, PrintStream out) {
    return WebCommand.start(Arrays.asList(args), out);
  }

  private static List<dev.kubesim.samples.bench.Benchmark> benchmarks() {
    List<dev.kubesim.samples.bench.Benchmark> all = new java.util.ArrayList<>(ClusterBenchmarks.all());
    all.addAll(dev.kubesim.samples.bench.FirstTestBenchmarks.all());
    all.addAll(dev.kubesim.samples.bench.ScaleBenchmarks.all());
    all.addAll(dev.kubesim.samples.bench.NetworkBenchmarks.all());
    all.addAll(dev.kubesim.samples.bench.NetpolBenchmarks.all());
    all.addAll(dev.kubesim.samples.bench.MatrixBenchmarks.all());
    all.addAll(dev.kubesim.samples.bench.TimeBenchmarks.all());
    all.addAll(dev.kubesim.samples.bench.ServeBenchmarks.all());
    all.addAll(dev.kubesim.samples.bench.AppBenchmarks.all());
    all.addAll(dev.kubesim.samples.bench.PictureBenchmarks.all());
    return all;
  }

  /**
   * Cluster options from {@code --seed N}, {@code --nodes N}, {@code --addons A,B} (or {@code
   * --addons=A,B}; {@code --addons ""} for none) and {@code --proxy-mode iptables|nftables}; the
   * other arguments are returned.
   */
  private record Options(long seed, int nodes, Optional<List<String>> addons, String proxyMode, List<String> args) {
    static Options parse(List<String> args) {
      long seed = 1;
      int nodes = 3;
      Optional<List<String>> addons = Optional.empty();
      String proxyMode = "iptables";
      List<String> rest = new java.util.ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.startsWith("--proxy-mode=") || a.equals("--proxy-mode") && i + 1 < args.size()) {
          proxyMode = a.startsWith("--proxy-mode=") ? a.substring("--proxy-mode=".length()) : args.get(++i);
          if (!List.of("iptables", "nftables").contains(proxyMode)) {
            throw new IllegalArgumentException("--proxy-mode must be iptables or nftables, got \"" + proxyMode + "\"");
          }
        } else if (a.startsWith("--addons=") || a.equals("--addons") && i + 1 < args.size()) {
          String value = a.startsWith("--addons=") ? a.substring("--addons=".length()) : args.get(++i);
          addons = Optional.of(java.util.Arrays.stream(value.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList());
        } else if ((a.equals("--seed") || a.equals("--nodes")) && i + 1 < args.size()) {
          try {
            if (a.equals("--seed")) {
              seed = Long.parseLong(args.get(++i));
            } else {
              nodes = Integer.parseInt(args.get(++i));
            }
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(a + " needs a number, got \"" + args.get(i) + "\"");
          }
        } else {
          rest.add(a);
        }
      }
      return new Options(seed, nodes, addons, proxyMode, rest);
    }

    /** A cluster with the add-ons given, or the default ones. */
    Cluster cluster() {
      return addons.map(this::cluster).orElseGet(() -> builder().build());
    }

    /** A cluster with the add-ons given, or else these. */
    Cluster cluster(List<String> defaultAddons) {
      return builder().addons(addons.orElse(defaultAddons)).build();
    }

    private dev.kubesim.api.ClusterBuilder builder() {
      return KubeSim.cluster().seed(seed).nodes(nodes).kubeProxy(dev.kubesim.api.KubeProxyOptions.defaults().withMode(proxyMode));
    }
  }

  private static int shell(List<String> args, PrintStream out) throws IOException {
    Options options = Options.parse(args);
    boolean interactive = System.console() != null;
    try (Cluster cluster = options.cluster()) {
      if (interactive && out == System.out) {
        // a terminal: line editing, history and completion
        try (org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder().system(true).build()) {
          java.io.PrintStream screen = new java.io.PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
          new InteractiveShell(terminal, new LabRunner(cluster, name -> Optional.empty(), screen), cluster).run();
          return 0;
        }
      }
      LabRunner runner = new LabRunner(cluster, name -> Optional.empty(), out);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (true) {
        if (interactive) {
          out.print(runner.prompt());
          out.flush();
        }
        String line = in.readLine();
        if (line == null) {
          runner.endOfInput(); // Ctrl-D: a container's shell ends first
          return 0;
        }
        // exit and quit end kubesim, unless a container's shell reads them
        if (!runner.inContainerShell() && !runner.continuing()
            && (line.strip().equals("exit") || line.strip().equals("quit"))) {
          return 0;
        }
        runner.runLine(line);
      }
    }
  }

  private static int runFile(List<String> args, PrintStream out) throws IOException {
    Options options = Options.parse(args);
    if (options.args().size() != 1) {
      throw new IllegalArgumentException("run takes one lab script file");
    }
    Path script = Path.of(options.args().get(0));
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException("no such file: " + script);
    }
    Path dir = script.toAbsolutePath().getParent();
    try (Cluster cluster = options.cluster()) {
      LabRunner runner = new LabRunner(cluster, name -> readBeside(dir, name), out);
      int failed = runner.run(LabScript.parse(script.toString(), Files.readString(script, StandardCharsets.UTF_8)));
      return failed == 0 ? 0 : 1;
    }
  }

  /** Manifests named in a script are looked up beside it first, so scripts run from any folder. */
  private static Optional<String> readBeside(Path dir, String name) {
    Path p = dir.resolve(name);
    if (Files.isRegularFile(p)) {
      try {
        return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * {@code lab NAME|FILE [--check HISTORY]}: a built-in lab shown with its tasks solved, a lab file
   * walked through with the student, or a history graded against the lab's tasks.
   */
  private static int lab(List<String> args, java.io.InputStream in, PrintStream out) throws IOException {
    Options options = Options.parse(args);
    Optional<Path> history = Optional.empty();
    List<String> rest = new java.util.ArrayList<>();
    for (int i = 0; i < options.args().size(); i++) {
      String a = options.args().get(i);
      if (a.equals("--check")) {
        if (i + 1 == options.args().size()) {
          throw new IllegalArgumentException("--check needs the history file to grade");
        }
        history = Optional.of(Path.of(options.args().get(++i)));
      } else {
        rest.add(a);
      }
    }
    if (rest.size() != 1) {
      throw new IllegalArgumentException("lab takes one name (" + String.join(", ", BuiltInLabs.names()) + ") or lab file");
    }
    String name = rest.get(0);
    boolean builtIn = BuiltInLabs.names().contains(name);
    Path file = Path.of(name);
    if (!builtIn && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no built-in lab \"" + name + "\" and no such file; known: "
          + String.join(", ", BuiltInLabs.names()));
    }
    LabFile lab = builtIn ? BuiltInLabs.labFile(name).orElseThrow()
        : LabFile.parse(name, Files.readString(file, StandardCharsets.UTF_8));
    java.util.function.Function<String, Optional<String>> files = builtIn
        ? manifest -> BuiltInLabs.file(name, manifest)
        : manifest -> readBeside(file.toAbsolutePath().getParent(), manifest);
    if (history.isPresent() && !Files.isRegularFile(history.get())) {
      throw new IllegalArgumentException("no such file: " + history.get());
    }
    if (history.isPresent() && lab.steps().stream().noneMatch(LabStep::isTask)) {
      throw new IllegalArgumentException(name + " has no task to check");
    }
    try (Cluster cluster = options.cluster(LAB_ADDONS)) {
      if (history.isPresent()) {
        // the transcript of the replay is not part of the report
        LabPlayer player = new LabPlayer(cluster, ps -> new LabRunner(cluster, files, ps),
            new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        LabGrader.Report report = new LabGrader(lab, player)
            .grade(Files.readAllLines(history.get(), StandardCharsets.UTF_8));
        out.print(report.text());
        return report.allPassed() ? 0 : 1;
      }
      LabWalkthrough walk = new LabWalkthrough(lab, new LabPlayer(cluster, ps -> new LabRunner(cluster, files, ps), out), out);
      int failed = builtIn
          ? walk.demonstrate()
          : walk.withStudent(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), System.console() != null);
      return failed == 0 ? 0 : 1;
    }
  }

  /**
   * {@code reachability PORT[/PROTOCOL] [-n NS]... FILE...}: a fresh cluster, the manifests applied
   * and settled, then the matrix of the pods of the namespaces given (all but {@code kube-*} by
   * default). Exits 0 whatever the matrix says.
   */
  private static int reachability(List<String> args, PrintStream out) throws IOException {
    Options options = Options.parse(args);
    List<String> namespaces = new java.util.ArrayList<>();
    List<Path> files = new java.util.ArrayList<>();
    String portArg = null;
    for (int i = 0; i < options.args().size(); i++) {
      String a = options.args().get(i);
      if ((a.equals("-n") || a.equals("--namespace")) && i + 1 < options.args().size()) {
        namespaces.add(options.args().get(++i));
      } else if (portArg == null) {
        portArg = a;
      } else {
        files.add(Path.of(a));
      }
    }
    if (portArg == null || !portArg.matches("\\d+(/\\w+)?")) {
      throw new IllegalArgumentException("reachability takes PORT[/PROTOCOL] and the manifests, e.g. reachability 80/TCP k8s/");
    }
    int slash = portArg.indexOf('/');
    int port = Integer.parseInt(slash < 0 ? portArg : portArg.substring(0, slash));
    String protocol = slash < 0 ? "TCP" : portArg.substring(slash + 1).toUpperCase(java.util.Locale.ROOT);
    try (Cluster cluster = options.cluster()) {
      for (Path f : files) {
        if (!Files.exists(f)) {
          throw new IllegalArgumentException("no such file or folder: " + f);
        }
        cluster.apply(f);
      }
      out.print(cluster.reachabilityOf(namespaces, port, protocol).render());
      return 0;
    }
  }

  private static int conformance(List<String> args, PrintStream out) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("conformance takes one or more scenario files or folders");
    }
    return new ConformanceCommand().run(args.stream().map(Path::of).toList(), out);
  }
}
