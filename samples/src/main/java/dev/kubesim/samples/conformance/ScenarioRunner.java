package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.Cluster;
import dev.kubesim.samples.conformance.ConformanceReport.CaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one scenario: builds its cluster, applies its manifests (the cluster settles by the
 * format's rule, {@link Settling}), then runs the steps in order and reports each case; after each
 * action the cluster settles again.
 *
 * <p>Counting follows the format: each step with an {@code expect} is one case. A step without
 * {@code expect} (an action) is not counted when it succeeds; when it fails, or cannot run, it is
 * reported as a failed case of its own (so a failing action always shows and fails the run), and
 * the later steps still run. A step whose required feature is missing is skipped (an action too,
 * then counted as a skipped case). A scenario whose file is invalid, or whose setup fails, fails
 * every one of its cases; one that has no case then fails a single case named {@code load} or
 * {@code setup}, so that nothing is lost silently. A scenario whose {@code requires} names a
 * feature the simulator lacks skips every case without building a cluster. A step that is itself
 * invalid (an unknown key, a wrong type) always fails, even in a skipped scenario.
 *
 * <p>Before a step runs, its required features and its verb's {@link Capabilities} are checked,
 * then its references are substituted; a verb without capability fails with {@code not supported
 * yet: <verb>}.
 */
public final class ScenarioRunner {
  /** The verbs after which the cluster settles again ({@link Settling}). */
  private static final java.util.Set<Verb> ACTIONS = java.util.EnumSet.of(Verb.APPLY, Verb.DELETE, Verb.ADVANCE, Verb.KUBECTL, Verb.EXEC);
  private final ScenarioTarget.Factory targets;

  /** A runner with today's simulator: no capability beyond the API server and kubectl. */
  public ScenarioRunner() {
    this(ScenarioTarget.Factory.NONE);
  }

  /** A runner whose probe verbs go to targets made by {@code targets}. */
  public ScenarioRunner(ScenarioTarget.Factory targets) {
    this.targets = targets;
  }

  /** Runs the scenario; the results come in step order. */
  public List<CaseResult> run(Scenario scenario) {
    if (!scenario.problems().isEmpty()) {
      return failAll(scenario, "load", "a valid scenario / " + String.join("; ", scenario.problems()));
    }
    List<String> missing = missing(scenario.requires());
    if (!missing.isEmpty()) {
      return withoutRunning(scenario, id -> CaseResult.skipped(id, requires(missing)));
    }
    Cluster cluster;
    try {
      cluster = scenario.cluster().toBuilder().build();
    } catch (RuntimeException e) {
      return failAll(scenario, "setup", "a cluster from cluster: / setup failed: " + Texts.describe(e));
    }
    try (cluster) {
      ScenarioTarget target;
      try {
        target = targets.create(cluster);
        scenario.manifests().ifPresent(cluster::apply);
        Settling.settle(cluster);
      } catch (RuntimeException e) {
        return failAll(scenario, "setup", "manifests applied / setup failed: " + Texts.describe(e));
      }
      StepContext ctx = new StepContext(cluster, target);
      References refs = new References(ctx);
      List<CaseResult> results = new ArrayList<>();
      for (Step step : scenario.steps()) {
        runStep(scenario, step, ctx, refs).ifPresent(results::add);
      }
      return results;
    }
  }

  private Optional<CaseResult> runStep(Scenario scenario, Step step, StepContext ctx, References refs) {
    String id = id(scenario, step);
    if (!step.problems().isEmpty()) {
      return Optional.of(CaseResult.failed(id, invalid(step)));
    }
    List<String> missing = missing(step.requires());
    if (!missing.isEmpty()) {
      return Optional.of(CaseResult.skipped(id, requires(missing)));
    }
    Verb verb = step.verb().orElseThrow();
    if (!targets.capabilities().supports(verb)) {
      String expected = step.expect().map(e -> Texts.brief(e.tree())).orElse("success");
      return Optional.of(CaseResult.failed(id, expected + " / not supported yet: " + verb.key()));
    }
    StepOutcome outcome;
    try {
      JsonNode input = refs.substitute(step.input());
      Optional<JsonNode> expect = step.expect().map(e -> refs.substitute(e.tree()));
      outcome = handler(verb).run(ctx, input, expect, step.repeat());
      if (ACTIONS.contains(verb)) {
        Settling.settle(ctx.cluster());
      }
    } catch (StepFailure f) {
      outcome = f.outcome();
    } catch (RuntimeException e) {
      outcome = StepOutcome.failed("the step to run", "unexpected " + Texts.describe(e));
    }
    if (outcome.passed()) {
      return step.isCase() ? Optional.of(CaseResult.passed(id)) : Optional.empty();
    }
    return Optional.of(CaseResult.failed(id, outcome.message()));
  }

  private static StepHandler handler(Verb verb) {
    return switch (verb) {
      case APPLY -> new ApplyHandler();
      case DELETE -> new DeleteHandler();
      case ADVANCE -> new AdvanceHandler();
      case KUBECTL -> new KubectlHandler();
      case GET -> new GetHandler();
      case EXEC -> new ExecHandler();
      case HTTP -> new HttpHandler();
      case PACKET -> new PacketHandler();
      case DNS -> new DnsHandler();
      case RESOLVE -> new ResolveHandler();
      case RESOLV_CONF -> new ResolvConfHandler();
      case ENV -> new EnvHandler();
      case REACHABILITY -> new ReachabilityHandler();
      case CONNECT -> new ConnectHandler();
    };
  }

  private List<String> missing(List<String> required) {
    return required.stream().filter(f -> !targets.capabilities().features().contains(f)).toList();
  }

  private static String requires(List<String> missing) {
    return "requires " + String.join(", ", missing);
  }

  /** Every case failed with one message; a scenario without cases fails once, as {@code <stage>}. */
  private static List<CaseResult> failAll(Scenario scenario, String stage, String message) {
    List<CaseResult> results = withoutRunning(scenario, id -> CaseResult.failed(id, message));
    if (results.isEmpty()) {
      return List.of(CaseResult.failed(CaseResult.id(scenario.name(), stage), message));
    }
    return results;
  }

  /**
   * The results of a scenario whose steps do not run: each case gets {@code result}, except that a
   * step with problems of its own fails with them (a case or not), so that a broken step never
   * hides behind a skip or a setup failure.
   */
  private static List<CaseResult> withoutRunning(Scenario scenario, java.util.function.Function<String, CaseResult> result) {
    List<CaseResult> results = new ArrayList<>();
    for (Step step : scenario.steps()) {
      if (!step.problems().isEmpty()) {
        results.add(CaseResult.failed(id(scenario, step), invalid(step)));
      } else if (step.isCase()) {
        results.add(result.apply(id(scenario, step)));
      }
    }
    return results;
  }

  private static String invalid(Step step) {
    return "a valid step / " + String.join("; ", step.problems());
  }

  private static String id(Scenario scenario, Step step) {
    return CaseResult.id(scenario.name(), step.name());
  }
}
