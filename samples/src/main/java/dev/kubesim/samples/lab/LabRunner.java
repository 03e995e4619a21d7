package dev.kubesim.samples.lab;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.HostShell;
import dev.kubesim.api.NodeHandle;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.TerminalKubectl;
import dev.kubesim.api.TerminalShell;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs lab lines against a cluster and prints them as a terminal would show them: {@code $ } and
 * the command, then what kubectl printed. Manifest names after {@code -f} are looked up through a
 * resolver first (the built-in labs ship theirs on the classpath).
 *
 * <p>{@code $(pod app=kubia)} in a command stands for the first Running pod (in name order) whose
 * labels match the {@code key=value[,key=value]} selector, in the namespace the line's {@code -n}
 * names ({@code default} without one), since a lab cannot know generated pod names in advance; the
 * command is shown with the name filled in. In the same way {@code $(clusterip [NS/]NAME)} and
 * {@code $(externalip [NS/]NAME)} (in the line's namespace without {@code NS/}) stand for a
 * Service's cluster IP and its load balancer's address (or first externalIP), as a reader would
 * copy them from {@code kubectl get svc}.
 *
 * <p>A line that is not kubectl's alone runs in the shell at the terminal ({@link
 * Cluster#hostShell}): bash on the host outside the cluster, whose {@code kubectl} talks to it, so
 * that client commands ({@code curl}, {@code wget}, {@code ping}, {@code nslookup}, {@code dig})
 * leave from outside, and variables, command substitution, pipes and loops work as in a tutorial
 * ({@code POD=$(kubectl get pods -o name | head -1)}, {@code for i in 0 1; do kubectl exec web-$i --
 * hostname; done}). {@code trace} prints the hops of the
 * last request a line sent (from a pod or from outside), {@code trace --mermaid|--dot|--svg [FILE]}
 * draws it (to the file, or printed without one), {@code map --dot|--svg [--trace] [FILE]} draws the
 * cluster as a map (with the last request's way highlighted under {@code --trace}); {@code
 * iptables-save [NODE]} and {@code nft list ruleset [NODE]} print a node's kube-proxy rules (the
 * mode's own tool); {@code advance 30s} moves virtual time; {@code reachability 80[/TCP]
 * [NAMESPACE...]} prints which pods reach which on a port (every pod of the namespaces, all but
 * {@code kube-*} by default), and {@code reachability 80[/TCP] --explain FROM TO} says why one cell
 * is what it is.
 *
 * <p>{@code kubectl exec -it POD -- bash} (or {@code sh}, {@code ash}; {@code -ti}, {@code -i -t},
 * {@code --stdin --tty}) opens the container's shell, as at a terminal: the lines that follow are
 * typed into it, each shown after the shell's prompt ({@code root@kubia-3inly:/# curl
 * http://kubia}) with what the terminal showed, until {@code exit} or the end of the script; then
 * kubectl's own last words ({@code command terminated with exit code 1}). {@code #} lines stay the
 * lab's narration meanwhile. With {@code -i} alone the shell has no terminal: no prompt, the lines
 * echoed as typed.
 */
public final class LabRunner {
  private static final Pattern REACHABILITY =
      Pattern.compile("reachability\\s+(\\d+)(?:/(\\w+))?(?:\\s+--explain\\s+(\\S+)\\s+(\\S+)|((?:\\s+\\S+)*))");
  private static final Pattern IPTABLES_SAVE = Pattern.compile("iptables-save(?:\\s+(\\S+))?");
  private static final Pattern NFT_LIST_RULESET = Pattern.compile("nft\\s+list\\s+ruleset(?:\\s+(\\S+))?");
  private static final Pattern TRACE_FLAG = Pattern.compile(" --trace(?= |$)(?=.* -- )");
  /** {@code trace --mermaid|--dot|--svg [FILE]}: the last request's picture. */
  private static final Pattern TRACE_PICTURE = Pattern.compile("trace\\s+--(mermaid|dot|svg)(?:\\s+(\\S+))?");
  /** {@code map --dot|--svg [--trace] [FILE]}: the cluster as a map, the last request's way on it with {@code --trace}. */
  private static final Pattern MAP = Pattern.compile("map\\s+--(dot|svg)(\\s+--trace)?(?:\\s+(\\S+))?");
  private static final Pattern ADVANCE = Pattern.compile("advance\\s+(\\d+)(ms|s|m|h)");
  private static final Pattern POD_REF = Pattern.compile("\\$\\(pod ([^)]+)\\)");
  /** The namespace a command line names: {@code -n NS}, {@code --namespace NS} or {@code --namespace=NS}. */
  private static final Pattern NAMESPACE_FLAG = Pattern.compile("(?:^|\\s)(?:-n|--namespace)(?:=|\\s+)([a-z0-9][-a-z0-9]*)(?=\\s|$)");
  private static final Pattern SERVICE_REF = Pattern.compile("\\$\\((clusterip|externalip) ([^)/\\s]+/)?([^)/\\s]+)\\)");
  /** kubectl's commands, which a lab line may give without the leading {@code kubectl}. */
  private static final java.util.Set<String> KUBECTL_COMMANDS = java.util.Set.of(
      "annotate", "api-resources", "api-versions", "apply", "attach", "auth", "autoscale", "certificate",
      "cluster-info", "completion", "config", "cordon", "cp", "create", "debug", "delete", "describe", "diff",
      "drain", "edit", "events", "exec", "explain", "expose", "get", "kustomize", "label", "logs", "options",
      "patch", "plugin", "port-forward", "proxy", "replace", "rollout", "run", "scale", "set", "taint", "top",
      "uncordon", "version", "wait");

  private final Cluster cluster;
  private final Function<String, Optional<String>> files;
  private final PrintStream out;
  private int failures;
  /** The trace of the last request a line sent, from a pod or from outside, for {@code trace}. */
  private Optional<Trace> lastTrace = Optional.empty();
  /** The terminal's own shell, opened by the first line that needs it. */
  private HostShell hostShell;
  /** The status of the last kubectl line run before the terminal's bash started: its first {@code $?}. */
  private int kubectlStatus;
  /** The shell of a {@code kubectl exec -it}, which reads the next lines until it ends. */
  private Optional<TerminalShell> attached = Optional.empty();

  /**
   * @param files maps a manifest name given after {@code -f} to its text, or empty to let kubectl
   *     read the path itself
   */
  public LabRunner(Cluster cluster, Function<String, Optional<String>> files, PrintStream out) {
    this.cluster = cluster;
    this.files = files;
    this.out = out;
  }

  /** Runs every line of a script, then ends the input; returns the number of commands that failed. */
  public int run(LabScript script) {
    for (String line : script.lines()) {
      runLine(line);
    }
    endOfInput();
    return failures;
  }

  /**
   * What the terminal prompts with before the next line: the shell's prompt while a {@code kubectl
   * exec -it} is attached, {@code > } while a command continues, {@code kubesim$ } otherwise.
   */
  public String prompt() {
    return attached.map(TerminalShell::prompt).orElse(continuing() ? "> " : "kubesim$ ");
  }

  /** Whether the terminal's shell waits for the rest of a command (a here-document, an open quote, a trailing {@code \\}). */
  public boolean continuing() {
    return hostShell != null && hostShell.continuing();
  }

  /** The trace of the last request a line sent (from a pod or from outside), if any has been sent. */
  public Optional<Trace> lastTrace() {
    return lastTrace;
  }

  /** Whether a {@code kubectl exec -it}'s shell reads the next lines. */
  public boolean inContainerShell() {
    return attached.isPresent();
  }

  /**
   * The end of input (Ctrl-D): an attached shell exits, and kubectl with it; an unfinished command
   * of the terminal's shell runs as bash runs it at the end of its input.
   */
  public void endOfInput() {
    if (continuing()) {
      shown(hostShell.endOfInput());
    }
    attached.ifPresent(session -> {
      // the prompt waits for input; Ctrl-D ends it, which bash acknowledges with "exit"
      out.print(session.prompt());
      out.print(session.endOfInput());
      detach(session);
    });
  }

  /**
   * Runs one line: a comment is printed, {@code advance} moves time, anything else is kubectl; while
   * a container's shell is attached, a line other than a comment is typed into it.
   */
  public void runLine(String line) {
    if (attached.isPresent() && !line.strip().startsWith("#")) {
      typeIntoShell(attached.get(), line);
      return;
    }
    if (continuing()) {
      // the line continues a command (a here-document, a quote, a trailing backslash): bash's "> "
      out.println("> " + line);
      shown(hostShell.type(line));
      return;
    }
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return;
    }
    if (trimmed.startsWith("#")) {
      out.println(trimmed);
      return;
    }
    Matcher advance = ADVANCE.matcher(trimmed);
    if (advance.matches()) {
      Duration d = parseDuration(Long.parseLong(advance.group(1)), advance.group(2));
      cluster.advance(d);
      out.println("# ... " + advance.group(1) + advance.group(2) + " later");
      out.println();
      return;
    }
    Matcher save = IPTABLES_SAVE.matcher(trimmed);
    if (save.matches()) {
      // kubesim's own command: a node's kube-proxy rules, as iptables-save prints them there.
      printNodeRules("iptables-save", save.group(1), NodeHandle::iptablesSave);
      return;
    }
    Matcher nft = NFT_LIST_RULESET.matcher(trimmed);
    if (nft.matches()) {
      // kubesim's own command: a node's kube-proxy table in nftables mode, as nft lists it there.
      printNodeRules("nft list ruleset", nft.group(1), NodeHandle::nftListRuleset);
      return;
    }
    if (trimmed.equals("trace")) {
      // kubesim's own command: the way of the last request, hop by hop.
      out.println("$ trace");
      out.print(lastTrace.map(Trace::render).orElse("(no request has been traced yet)\n"));
      out.println();
      return;
    }
    Matcher picture = TRACE_PICTURE.matcher(trimmed);
    if (picture.matches()) {
      tracePicture(trimmed, picture.group(1), Optional.ofNullable(picture.group(2)));
      return;
    }
    Matcher map = MAP.matcher(trimmed);
    if (map.matches()) {
      map(trimmed, map.group(1), map.group(2) != null, Optional.ofNullable(map.group(3)));
      return;
    }
    String resolved = resolveReferences(trimmed);
    Matcher reach = REACHABILITY.matcher(resolved);
    if (reach.matches()) {
      reachability(resolved, reach);
      return;
    }
    if (leavesKubectlOut(resolved)) {
      resolved = "kubectl " + resolved; // the lab's lines may leave kubectl out
    }
    if (!runsAsKubectl(resolved) || resolved.endsWith("\\")) {
      runOnHost(resolved);
      return;
    }
    // kubesim's own flag: "--trace" before "--" prints the trace of what the exec sent.
    boolean trace = TRACE_FLAG.matcher(resolved).find();
    if (trace) {
      resolved = TRACE_FLAG.matcher(resolved).replaceFirst("");
    }
    String command = resolved.startsWith("kubectl ") ? resolved : "kubectl " + resolved;
    out.println("$ " + command);
    TerminalKubectl typed = cluster.kubectlAtTerminal(command, this::file);
    KubectlResult result = typed.result();
    if (typed.attached().isPresent()) {
      // kubectl's own lines (a defaulted container) come before the shell's first prompt
      out.print(result.stderr());
      out.print(result.stdout());
      attached = typed.attached();
      return;
    }
    // both streams as the terminal showed them, in the order kubectl wrote them; output without a
    // last newline (curl -s of a body without one) gets one before kubectl's own next words and at
    // the end, so that they and the next command start on lines of their own
    String stdout = result.stdout();
    String screen = typed.screen();
    if (!stdout.isEmpty() && !stdout.endsWith("\n") && screen.startsWith(stdout) && screen.length() > stdout.length()) {
      screen = stdout + "\n" + screen.substring(stdout.length());
    }
    out.print(screen.isEmpty() || screen.endsWith("\n") ? screen : screen + "\n");
    if (!result.succeeded()) {
      failures++;
    }
    // kubectl ran here rather than in the terminal's bash: the next line's $? is its status
    if (hostShell != null) {
      hostShell.recordStatus(result.exitCode());
    } else {
      kubectlStatus = result.exitCode();
    }
    if (command.startsWith("kubectl exec ")) {
      typed.trace().ifPresent(t -> lastTrace = Optional.of(t));
    }
    if (trace) {
      out.println();
      out.print(typed.trace().map(t -> t.render()).orElse("(no network traffic to trace)\n"));
    }
    out.println();
  }

  /** kubesim's own command: the last request as a Mermaid, DOT or SVG picture, printed or written to a file. */
  private void tracePicture(String line, String format, Optional<String> file) {
    out.println("$ " + line);
    if (lastTrace.isEmpty()) {
      out.println("error: no request has been traced yet: send one first (kubectl exec POD -- curl -s http://SERVICE)");
      failures++;
      out.println();
      return;
    }
    Trace t = lastTrace.get();
    String text = switch (format) {
      case "mermaid" -> t.toMermaid();
      case "dot" -> t.toDot();
      default -> t.toSvg();
    };
    emit(text, file, "the trace of \"" + t.title() + "\"");
  }

  /** kubesim's own command: the cluster as a map, with the last request's way on it when asked. */
  private void map(String line, String format, boolean withTrace, Optional<String> file) {
    out.println("$ " + line);
    if (withTrace && lastTrace.isEmpty()) {
      out.println("error: no request has been traced yet: send one first, or leave out --trace");
      failures++;
      out.println();
      return;
    }
    dev.kubesim.api.map.ClusterMap m = cluster.map();
    String text = format.equals("dot")
        ? withTrace ? m.toDot(lastTrace.get()) : m.toDot()
        : withTrace ? m.toSvg(lastTrace.get()) : m.toSvg();
    emit(text, file, "the cluster map");
  }

  /** Prints a picture, or writes it to the file and says so; a file that cannot be written is an error. */
  private void emit(String text, Optional<String> file, String what) {
    if (file.isEmpty()) {
      out.print(text);
    } else {
      java.nio.file.Path path = java.nio.file.Path.of(file.get());
      try {
        java.nio.file.Files.writeString(path, text, java.nio.charset.StandardCharsets.UTF_8);
        out.println("wrote " + what + " to " + file.get());
      } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
        out.println("error: cannot write " + file.get() + ": " + reason(e));
        failures++;
      }
    }
    out.println();
  }

  /** Why a file could not be written, as a shell would say it. */
  private static String reason(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage();
  }

  /** kubesim's own command: the reachability matrix of a port, or the explanation of one of its cells. */
  private void reachability(String line, Matcher m) {
    out.println("$ " + line);
    int port = Integer.parseInt(m.group(1));
    String protocol = m.group(2) == null ? "TCP" : m.group(2).toUpperCase(java.util.Locale.ROOT);
    try {
      if (m.group(3) != null) {
        out.println(cluster.reachability(List.of(m.group(3), m.group(4)), port, protocol).explain(m.group(3), m.group(4)));
      } else {
        List<String> namespaces = m.group(5).isBlank() ? List.of() : List.of(m.group(5).strip().split("\\s+"));
        out.print(cluster.reachabilityOf(namespaces, port, protocol).render());
      }
    } catch (RuntimeException e) {
      out.println("error: " + e.getMessage());
      failures++;
    }
    out.println();
  }

  /**
   * Whether a line is a kubectl command without its leading {@code kubectl}: it starts with one of
   * kubectl's commands, except the shell's own {@code set -e} and {@code wait} (alone, or with a
   * job or process), which are words kubectl shares with the shell.
   */
  static boolean leavesKubectlOut(String line) {
    String[] words = line.split("\\s+", 3);
    if (!KUBECTL_COMMANDS.contains(words[0])) {
      return false;
    }
    String next = words.length > 1 ? words[1] : "";
    return switch (words[0]) {
      case "set" -> !next.isEmpty() && !next.startsWith("-") && !next.startsWith("+"); // set -e is the shell's
      case "wait" -> !next.isEmpty() && !next.matches("-[nfp]|%.*|\\d+"); // wait %1 is the shell's
      default -> true;
    };
  }

  /**
   * Whether a line is kubectl's alone: it starts with {@code kubectl} and needs nothing of a shell — no expansion, pipe, list, redirection or
   * assignment outside quotes. Such a line runs as it always has, with kubesim's {@code --trace}.
   */
  static boolean runsAsKubectl(String line) {
    if (!line.split("\\s+", 2)[0].equals("kubectl")) {
      return false;
    }
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        quote = c == '\'' ? 0 : quote;
      } else if (c == '\\') {
        i++;
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '$' || c == '`') {
          return false;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if ("$`;&|<>()".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A file kubectl is given by name: the lab's own, else one the terminal's shell wrote on its host
   * ({@code kubectl get deploy web -o yaml > web.yaml}, then {@code kubectl apply -f web.yaml}),
   * else kubectl reads the file system.
   */
  private Optional<String> file(String name) {
    Optional<String> own = files.apply(name);
    return own.isPresent() || hostShell == null ? own : hostShell.readFile(name);
  }

  /**
   * A line for the shell at the terminal ({@link Cluster#hostShell}): bash on the host outside the
   * cluster, whose kubectl talks to it, with the variables earlier lines set.
   */
  private void runOnHost(String line) {
    out.println("$ " + line);
    if (hostShell == null) {
      hostShell = cluster.hostShell(files);
      hostShell.recordStatus(kubectlStatus);
    }
    shown(hostShell.type(line));
  }

  /** What a line of the terminal's shell did, as the terminal shows it; nothing while its command is unfinished. */
  private void shown(HostShell.Typed typed) {
    if (hostShell.continuing()) {
      return;
    }
    out.print(typed.screen());
    typed.trace().ifPresent(t -> lastTrace = Optional.of(t));
    if (typed.attached().isPresent()) {
      attached = typed.attached();
      return;
    }
    if (!typed.screen().isEmpty() && !typed.screen().endsWith("\n")) {
      out.println(); // curl -s prints bodies as they are; a terminal's prompt would follow on a new line
    }
    if (typed.exitCode() != 0) {
      failures++;
    }
    out.println();
  }

  /** A line typed at the attached shell's prompt, shown as the terminal shows it. */
  private void typeIntoShell(TerminalShell session, String line) {
    String prompt = session.prompt();
    // at a terminal the shell's prompt and the typed line; without one, the local echo of the line
    out.println(prompt + line);
    TerminalShell.Typed typed = session.type(line);
    out.print(typed.screen());
    typed.trace().ifPresent(t -> lastTrace = Optional.of(t));
    if (!session.isOpen()) {
      detach(session);
    }
  }

  /** The shell has ended: kubectl's last words, and the host's prompt again. */
  private void detach(TerminalShell session) {
    KubectlResult closing = session.closing();
    out.print(closing.stdout());
    out.print(closing.stderr());
    if (!closing.succeeded()) {
      failures++;
    }
    attached = Optional.empty();
    out.println();
  }

  /** Replaces each {@code $(pod SELECTOR)} with a pod's name; an unmatched one stays, and kubectl reports it. */
  private String resolveReferences(String line) {
    Matcher ns = NAMESPACE_FLAG.matcher(line);
    String namespace = ns.find() ? ns.group(1) : "default";
    String pods = POD_REF.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
        firstRunningPod(namespace, m.group(1)).orElse(m.group())));
    return SERVICE_REF.matcher(pods).replaceAll(m -> Matcher.quoteReplacement(serviceAddress(
        m.group(1), m.group(2) == null ? namespace : m.group(2).substring(0, m.group(2).length() - 1), m.group(3))
        .orElse(m.group())));
  }

  /** A Service's cluster IP, or the first address of its load balancer (else of its externalIPs). */
  private Optional<String> serviceAddress(String which, String namespace, String name) {
    return cluster.get(Service.class, namespace, name).flatMap(svc -> which.equals("clusterip")
        ? svc.specOrEmpty().clusterIP().filter(ip -> !ip.equals("None"))
        : svc.status().flatMap(ServiceStatus::loadBalancer).stream()
            .flatMap(lb -> lb.ingress().stream())
            .flatMap(ing -> ing.ip().stream())
            .findFirst()
            .or(() -> svc.specOrEmpty().externalIPs().stream().findFirst()));
  }

  private Optional<String> firstRunningPod(String namespace, String selector) {
    return cluster.list(Pod.class, namespace).stream()
        .filter(p -> p.status().flatMap(s -> s.phase()).filter("Running"::equals).isPresent())
        .filter(p -> p.metadata().deletionTimestamp().isEmpty())
        .filter(p -> matches(selector, p.metadata().labels()))
        .map(p -> p.metadata().nameOrEmpty())
        .findFirst();
  }

  private static boolean matches(String selector, Map<String, String> labels) {
    for (String term : selector.split(",")) {
      String[] kv = term.strip().split("=", 2);
      if (kv.length != 2 || !kv[1].strip().equals(labels.get(kv[0].strip()))) {
        return false;
      }
    }
    return true;
  }

  static Duration parseDuration(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }

  /** A node's kube-proxy rules as one of its tools prints them; the first node when none is named. */
  private void printNodeRules(String command, String nodeName, Function<NodeHandle, String> rules) {
    String node = nodeName != null ? nodeName : cluster.options().nodes().get(0).name();
    out.println("$ " + command + "   # on " + node);
    String text;
    try {
      text = rules.apply(cluster.node(node));
    } catch (NotFoundException e) {
      text = "no node \"" + node + "\"\n";
    }
    out.print(text);
    out.println();
  }
}
