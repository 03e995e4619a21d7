package dev.kubesim.samples.lab;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServiceStatus;
import dev.kubesim.impl.cluster.SimCluster;
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
 * <p>{@code $(pod app=kubia)} in a command stands for the first Running pod (in name order) of the
 * default namespace whose labels match the {@code key=value[,key=value]} selector, since a lab
 * cannot know generated pod names in advance; the command is shown with the name filled in. In the
 * same way {@code $(clusterip NAME)} and {@code $(externalip [NS/]NAME)} stand for a Service's
 * cluster IP and its load balancer's address (or first externalIP), as a reader would copy them
 * from {@code kubectl get svc}.
 *
 * <p>A line that starts with a client command ({@code curl}, {@code wget}, {@code ping}, {@code
 * nslookup}, {@code dig}) runs on the host outside the cluster; {@code trace} prints the hops of the
 * last request a line sent (from a pod or from outside); {@code iptables-save [NODE]} prints a
 * node's kube-proxy rules; {@code advance 30s} moves virtual time; {@code reachability 80[/TCP]
 * [NAMESPACE...]} prints which pods reach which on a port (every pod of the namespaces, all but
 * {@code kube-*} by default), and {@code reachability 80[/TCP] --explain FROM TO} says why one cell
 * is what it is.
 */
public final class LabRunner {
  private static final Pattern REACHABILITY =
      Pattern.compile("reachability\\s+(\\d+)(?:/(\\w+))?(?:\\s+--explain\\s+(\\S+)\\s+(\\S+)|((?:\\s+\\S+)*))");
  private static final Pattern IPTABLES_SAVE = Pattern.compile("iptables-save(?:\\s+(\\S+))?");
  private static final Pattern TRACE_FLAG = Pattern.compile(" --trace(?= |$)(?=.* -- )");
  private static final Pattern ADVANCE = Pattern.compile("advance\\s+(\\d+)(ms|s|m|h)");
  private static final Pattern POD_REF = Pattern.compile("\\$\\(pod ([^)]+)\\)");
  private static final Pattern SERVICE_REF = Pattern.compile("\\$\\((clusterip|externalip) ([^)/\\s]+/)?([^)/\\s]+)\\)");
  /** The client commands a line may run on the host outside the cluster, without {@code kubectl exec}. */
  private static final Pattern OUTSIDE_COMMAND = Pattern.compile("(curl|wget|ping|nslookup|dig)(\\s.*)?");

  private final SimCluster cluster;
  private final Function<String, Optional<String>> files;
  private final PrintStream out;
  private int failures;
  /** The trace of the last request a line sent, from a pod or from outside, for {@code trace}. */
  private Optional<Trace> lastTrace = Optional.empty();

  /**
   * @param files maps a manifest name given after {@code -f} to its text, or empty to let kubectl
   *     read the path itself
   */
  public LabRunner(SimCluster cluster, Function<String, Optional<String>> files, PrintStream out) {
    this.cluster = cluster;
    this.files = files;
    this.out = out;
  }

  /** Runs every line of a script; returns the number of commands that failed. */
  public int run(LabScript script) {
    for (String line : script.lines()) {
      runLine(line);
    }
    return failures;
  }

  /** Runs one line: a comment is printed, {@code advance} moves time, anything else is kubectl. */
  public void runLine(String line) {
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
      String node = save.group(1) != null ? save.group(1) : cluster.options().nodes().get(0).name();
      out.println("$ iptables-save   # on " + node);
      out.print(cluster.kubeProxy(node).map(k -> k.iptablesSave()).orElse("no node \"" + node + "\"\n"));
      out.println();
      return;
    }
    if (trimmed.equals("trace")) {
      // kubesim's own command: the way of the last request, hop by hop.
      out.println("$ trace");
      out.print(lastTrace.map(Trace::render).orElse("(no request has been traced yet)\n"));
      out.println();
      return;
    }
    String resolved = resolveReferences(trimmed);
    Matcher reach = REACHABILITY.matcher(resolved);
    if (reach.matches()) {
      reachability(resolved, reach);
      return;
    }
    if (OUTSIDE_COMMAND.matcher(resolved).matches()) {
      runOutside(resolved);
      return;
    }
    // kubesim's own flag: "--trace" before "--" prints the trace of what the exec sent.
    boolean trace = TRACE_FLAG.matcher(resolved).find();
    if (trace) {
      resolved = TRACE_FLAG.matcher(resolved).replaceFirst("");
    }
    String command = resolved.startsWith("kubectl ") ? resolved : "kubectl " + resolved;
    out.println("$ " + command);
    KubectlResult result = run(command);
    // kubectl writes warnings before its output and errors after it, as a terminal shows them.
    if (result.succeeded()) {
      out.print(result.stderr());
      out.print(result.stdout());
    } else {
      out.print(result.stdout());
      out.print(result.stderr());
    }
    if (!result.succeeded()) {
      failures++;
    }
    if (command.startsWith("kubectl exec ")) {
      cluster.lastExecTrace().ifPresent(t -> lastTrace = Optional.of(t));
    }
    if (trace) {
      out.println();
      out.print(cluster.lastExecTrace().map(t -> t.render()).orElse("(no network traffic to trace)\n"));
    }
    out.println();
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
   * A client command without {@code kubectl exec} runs on the host outside the cluster ({@link
   * dev.kubesim.api.Cluster#external()}), through its shell, as typed on a laptop next to the cluster.
   */
  private void runOutside(String line) {
    out.println("$ " + line);
    ExecResult r = cluster.external().exec("sh", "-c", line);
    out.print(r.stdout());
    if (!r.stdout().isEmpty() && !r.stdout().endsWith("\n")) {
      out.println(); // curl -s prints bodies as they are; a terminal's prompt would follow on a new line
    }
    out.print(r.stderr());
    r.trace().ifPresent(t -> lastTrace = Optional.of(t));
    if (r.exitCode() != 0) {
      failures++;
    }
    out.println();
  }

  private KubectlResult run(String command) {
    return cluster.kubectl(command, files);
  }

  /** Replaces each {@code $(pod SELECTOR)} with a pod's name; an unmatched one stays, and kubectl reports it. */
  private String resolveReferences(String line) {
    String pods = POD_REF.matcher(line).replaceAll(m -> Matcher.quoteReplacement(firstRunningPod(m.group(1)).orElse(m.group())));
    return SERVICE_REF.matcher(pods).replaceAll(m -> Matcher.quoteReplacement(serviceAddress(
        m.group(1), m.group(2) == null ? "default" : m.group(2).substring(0, m.group(2).length() - 1), m.group(3))
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

  private Optional<String> firstRunningPod(String selector) {
    return cluster.list(Pod.class, "default").stream()
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
}
