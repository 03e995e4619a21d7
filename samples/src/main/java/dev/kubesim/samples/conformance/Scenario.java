package dev.kubesim.samples.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One scenario file as loaded: its metadata, cluster options, manifests and steps.
 *
 * @param origin where it came from (a file path, or a label for inline text), for messages
 * @param name the unique id used in reports (the file name when the file has no usable name)
 * @param source the {@code source} key: where the expectations were taken from
 * @param description free text
 * @param requires the features every case of the scenario needs ({@code ipv6}, {@code nftables}, ...)
 * @param cluster the cluster options
 * @param manifests the multi-document YAML applied before the steps, if any
 * @param steps the steps in order
 * @param problems what is wrong with the file outside any one step; when not empty, every case of
 *     the scenario fails with them
 */
public record Scenario(
    String origin,
    String name,
    Optional<String> source,
    Optional<String> description,
    List<String> requires,
    ClusterSpec cluster,
    Optional<String> manifests,
    List<Step> steps,
    List<String> problems) {
  public Scenario {
    requires = List.copyOf(requires);
    steps = List.copyOf(steps);
    problems = List.copyOf(problems);
  }

  /** The steps that are cases: those with an {@code expect}. */
  public List<Step> cases() {
    return steps.stream().filter(Step::isCase).toList();
  }

  /** A copy with one more scenario-level problem (e.g. a name already used by another file). */
  public Scenario withProblem(String problem) {
    List<String> more = new ArrayList<>(problems);
    more.add(problem);
    return new Scenario(origin, name, source, description, requires, cluster, manifests, steps, more);
  }
}
