package dev.kubesim.samples.lab;

import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.ReachabilityMatrix;
import dev.kubesim.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reachability PORT[/PROTOCOL] NS: FROM -> TO allowed|denied}: whether FROM can open a
 * connection to TO on the port, probed as {@link dev.kubesim.api.Cluster#reachability} probes. FROM
 * and TO are pod names of the namespace, or label selectors ({@code app=kubia}) that stand for every
 * pod they match: every pair must be allowed (or denied).
 */
record ReachabilityCheck(String text, int port, String protocol, String namespace, String from, String to,
    boolean allowed) implements LabCheck {
  static final String FORM = "reachability PORT NS: FROM -> TO allowed|denied";
  private static final Pattern SYNTAX =
      Pattern.compile("reachability (\\d+)(?:/(\\w+))? ([^:\\s]+): (\\S+) -> (\\S+) (allowed|denied)");

  static Optional<LabCheck> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    return m.matches()
        ? Optional.of(new ReachabilityCheck(text, Integer.parseInt(m.group(1)),
            m.group(2) == null ? "TCP" : m.group(2).toUpperCase(Locale.ROOT), m.group(3), m.group(4), m.group(5),
            m.group(6).equals("allowed")))
        : Optional.empty();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    try {
      List<String> clients = pods(context, from);
      List<String> servers = pods(context, to);
      if (clients.isEmpty() || servers.isEmpty()) {
        return CheckResult.of(this, false, "no pod matches " + (clients.isEmpty() ? from : to));
      }
      Set<String> all = new LinkedHashSet<>(clients);
      all.addAll(servers);
      ReachabilityMatrix matrix = context.cluster().reachability(new ArrayList<>(all), port, protocol);
      for (String c : clients) {
        for (String s : servers) {
          Optional<ReachabilityMatrix.Cell> cell = matrix.cell(c, s);
          if (cell.isPresent() && cell.get().connected() != allowed) {
            return CheckResult.of(this, false, c + " -> " + s + (cell.get().connected() ? " connected" : " not connected")
                + ": " + cell.get().reason());
          }
        }
      }
      return CheckResult.of(this, true, allowed ? "connected" : "not connected");
    } catch (KubeSimException | IllegalArgumentException e) {
      return CheckResult.of(this, false, e.getMessage());
    }
  }

  /** The pods a name or a selector stands for, {@code namespace/name}, those with an address, in name order. */
  private List<String> pods(CheckContext context, String ref) {
    if (!ref.contains("=")) {
      return List.of(namespace + "/" + ref);
    }
    return context.cluster().pods(namespace, ref).stream()
        .filter(p -> p.metadata().deletionTimestamp().isEmpty())
        .filter(p -> p.status().flatMap(s -> s.podIP()).isPresent())
        .map(Pod::metadata)
        .map(m -> namespace + "/" + m.nameOrEmpty())
        .toList();
  }
}
