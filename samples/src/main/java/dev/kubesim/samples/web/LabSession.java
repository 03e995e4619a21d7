package dev.kubesim.samples.web;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.map.ClusterMap;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.samples.lab.BuiltInLabs;
import dev.kubesim.samples.lab.LabRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One browser's cluster and the terminal in front of it: lines run as {@code kubesim shell} runs
 * them, the output captured for the page, and the built-in lab the student walks through, if any.
 *
 * <p>Every method is synchronized: the requests of one session reach its cluster one at a time, in
 * the order they arrive. The cluster's virtual time moves only by the lines and the clock buttons.
 */
public final class LabSession implements AutoCloseable {
  /** The add-ons of a session's cluster: those {@code kubesim lab} gives, as the labs need an ingress controller. */
  private static final List<String> ADDONS = List.of("coredns", "ingress-nginx");

  private final long seed;
  private final int nodes;
  private Cluster cluster;
  private LabRunner runner;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
  /** The lab whose manifests {@code -f NAME} finds; {@code kubia} (the chapter's) until another starts. */
  private String labName = "kubia";
  private Optional<LabSteps> lab = Optional.empty();
  private int nextStep;

  /** A session on a new cluster of {@code nodes} nodes seeded with {@code seed}. */
  public LabSession(long seed, int nodes) {
    this.seed = seed;
    this.nodes = nodes;
    startCluster();
  }

  private void startCluster() {
    cluster = KubeSim.cluster().seed(seed).nodes(nodes).addons(ADDONS).build();
    // built-in labs' manifests by the names their scripts use; other paths are read as kubectl reads them
    runner = new LabRunner(cluster, name -> BuiltInLabs.file(labName, name), out);
  }

  /** Runs one line as {@code kubesim shell} would and returns what the terminal shows for it. */
  public synchronized String run(String line) {
    runLine(line);
    return drain();
  }

  private void runLine(String line) {
    try {
      runner.runLine(line);
    } catch (KubeSimException | IllegalArgumentException e) {
      // the shell's own verbs report bad input as kubesim does, instead of ending the session
      out.println("kubesim: " + e.getMessage());
      out.println();
    }
  }

  /** Lets virtual time pass, shown in the terminal as the shell's {@code advance} shows it. */
  public synchronized String advance(Duration duration) {
    return run("advance " + duration.toSeconds() + "s");
  }

  /**
   * Starts a built-in lab on a fresh cluster (the same seed and nodes), so the lab runs from its
   * start as {@code kubesim lab NAME} runs it.
   *
   * @throws IllegalArgumentException when there is no built-in lab by that name
   */
  public synchronized void startLab(String name) {
    LabSteps steps = BuiltInLabs.labFile(name).map(f -> new LabSteps(name, LabSteps.of(f).steps()))
        .orElseThrow(() -> new IllegalArgumentException("no built-in lab \"" + name + "\"; known: " + String.join(", ", BuiltInLabs.names())));
    cluster.close();
    labName = name;
    startCluster();
    lab = Optional.of(steps);
    nextStep = 0;
  }

  /**
   * Runs the lab's next step: its narration as {@code #} lines, then its command; returns what the
   * terminal shows. Does nothing when no lab runs or it has ended.
   */
  public synchronized String nextLabStep() {
    if (lab.isEmpty() || nextStep >= lab.get().steps().size()) {
      return "";
    }
    LabSteps.Step step = lab.get().steps().get(nextStep++);
    for (String line : step.explanation()) {
      out.println("# " + line);
    }
    step.command().ifPresent(this::runLine);
    return drain();
  }

  /** What the page shows beside the terminal: the prompt, the clock, the cluster, the trace, the lab. */
  public synchronized SessionState state() {
    Optional<Trace> trace = runner.lastTrace();
    ClusterMap map = cluster.map();
    String mapSvg = trace.map(map::toSvg).orElseGet(map::toSvg);
    return new SessionState(runner.prompt(), cluster.now(), ClusterStateHtml.render(cluster), mapSvg,
        trace.map(t -> TraceView.of(t, map)), lab.map(l -> LabProgress.of(l, nextStep)));
  }

  /** The last traced request, if any. */
  public synchronized Optional<Trace> lastTrace() {
    return runner.lastTrace();
  }

  private String drain() {
    out.flush();
    String text = captured.toString(StandardCharsets.UTF_8);
    captured.reset();
    return text;
  }

  /** Closes the cluster. */
  @Override
  public synchronized void close() {
    cluster.close();
  }
}
