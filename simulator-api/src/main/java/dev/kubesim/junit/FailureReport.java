package dev.kubesim.junit;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The text of a {@link ClusterReport}: what a reader needs to understand and replay a failed test's
 * cluster. Each section is read from the cluster on its own; a section the cluster cannot give (it
 * failed itself) says why instead of hiding the others.
 */
final class FailureReport {
  /** How many traces a report shows in full, the newest ones. */
  static final int TRACES_SHOWN = 10;

  private FailureReport() {}

  /** The report of a cluster at the moment its test failed. */
  static String of(Cluster cluster) {
    List<String> sections = new ArrayList<>();
    sections.add(section(() -> summary(cluster)));
    sections.add(section(() -> "$ kubectl get all -A\n" + cluster.kubectl("get all -A").output().stripTrailing()));
    traces(cluster).ifPresent(sections::add);
    return String.join("\n\n", sections);
  }

  /** The cluster's seed, the virtual time and what was built, with how to get the same cluster again. */
  private static String summary(Cluster cluster) {
    ClusterOptions options = cluster.options();
    return "kubesim cluster at the failure: seed " + options.seed() + ", virtual time " + goDuration(cluster.now())
        + ", " + options.nodes().size() + (options.nodes().size() == 1 ? " node" : " nodes")
        + ", add-ons " + options.addons()
        + "\n(the same seed, manifests and calls rebuild this cluster exactly)";
  }

  /**
   * The traces of the requests made in the test's cluster, newest last: the last {@link
   * #TRACES_SHOWN} rendered in full, with a line saying how many earlier ones were left out.
   */
  private static Optional<String> traces(Cluster cluster) {
    List<Trace> traces;
    try {
      traces = cluster.traces();
    } catch (RuntimeException e) {
      return Optional.of("(traces not available: " + e + ")");
    }
    if (traces.isEmpty()) {
      return Optional.of("No request was traced in this cluster.");
    }
    StringBuilder b = new StringBuilder("Traces of the requests made (" + traces.size() + "):");
    int first = Math.max(0, traces.size() - TRACES_SHOWN);
    if (first > 0) {
      b.append("\n(the first ").append(first).append(" left out)");
    }
    for (Trace t : traces.subList(first, traces.size())) {
      b.append("\n\n").append(t.render().stripTrailing());
    }
    return Optional.of(b.toString());
  }

  private static String section(Supplier<String> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return "(not available: " + e + ")";
    }
  }

  /** A duration as Go prints one ({@code 0s}, {@code 250ms}, {@code 1m30.5s}, {@code 2h0m0s}), as kubectl shows times. */
  static String goDuration(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    long nanos = d.toNanos();
    if (nanos < 1_000L) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000L) {
      return fraction(nanos, 1_000L) + "µs";
    }
    if (nanos < 1_000_000_000L) {
      return fraction(nanos, 1_000_000L) + "ms";
    }
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    String seconds = fraction(nanos - d.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toNanos(), 1_000_000_000L) + "s";
    if (hours > 0) {
      return hours + "h" + minutes + "m" + seconds;
    }
    return minutes > 0 ? minutes + "m" + seconds : seconds;
  }

  /** {@code value / unit} with the fraction's trailing zeros dropped ({@code 1.5}, {@code 2}). */
  private static String fraction(long value, long unit) {
    long whole = value / unit;
    long rest = value % unit;
    if (rest == 0) {
      return Long.toString(whole);
    }
    String digits = Long.toString(unit + rest).substring(1).replaceAll("0+$", "");
    return whole + "." + digits;
  }
}
