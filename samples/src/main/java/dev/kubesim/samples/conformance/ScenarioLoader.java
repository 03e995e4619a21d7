package dev.kubesim.samples.conformance;

import static dev.kubesim.samples.conformance.Shape.bool;
import static dev.kubesim.samples.conformance.Shape.fields;
import static dev.kubesim.samples.conformance.Shape.integer;
import static dev.kubesim.samples.conformance.Shape.listOf;
import static dev.kubesim.samples.conformance.Shape.mapOf;
import static dev.kubesim.samples.conformance.Shape.matching;
import static dev.kubesim.samples.conformance.Shape.oneOf;
import static dev.kubesim.samples.conformance.Shape.text;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubesim.api.HostResolvConf;
import dev.kubesim.api.KubeProxyOptions;
import dev.kubesim.api.NodeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads scenario files (format v1, see the conformance README) into {@link Scenario}s. Strict: a
 * key the format does not define, or a value of the wrong type, becomes a problem naming it, on
 * the step it is in, or on the whole scenario when it is at the top level or in {@code cluster:}.
 * Loading never throws for what a file holds; even unreadable files come back as a scenario whose
 * problems say why, so that the runner can report them as failures.
 */
public final class ScenarioLoader {
  /** The features {@code requires} may name: those beyond the core. */
  public static final List<String> FEATURES = List.of("ipv6", "nftables", "ipvs", "musl", "sctp");

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final Shape REQUIRES = listOf(oneOf(FEATURES.toArray(String[]::new)));

  private static final Shape.Fields CLUSTER =
      fields()
          .optional("seed", integer())
          .optional("nodes", listOf(fields()
              .required("name", text())
              .required("addresses", listOf(text()))
              .required("podCIDR", text())))
          .optional("serviceCIDR", text())
          .optional("clusterCIDR", text())
          .optional("nodePortRange", matching("\\d+-\\d+", "a range first-last"))
          .optional("clusterDomain", text())
          .optional("kubeProxy", fields()
              .optional("mode", oneOf("iptables", "nftables", "ipvs"))
              .optional("masqueradeAll", bool())
              .optional("detectLocal", oneOf("ClusterCIDR", "None"))
              .optional("localhostNodePorts", bool())
              .optional("nodePortAddresses", listOf(text())))
          .optional("hostResolvConf", fields()
              .optional("nameservers", listOf(text()))
              .optional("searches", listOf(text()))
              .optional("options", listOf(text())))
          .optional("upstreamDns", mapOf(listOf(text())))
          .optional("addons", listOf(oneOf("coredns", "ingress-nginx")));

  private static final Shape.Fields TOP =
      fields()
          .required("name", text())
          .optional("source", text())
          .optional("description", text())
          .optional("requires", REQUIRES)
          .optional("cluster", Shape.any()) // checked on its own: null means no options
          .optional("manifests", text())
          .required("steps", listOf(Shape.any())); // each step is checked on its own

  private static final List<String> STEP_KEYS = List.of("name", "requires", "expect", "repeat");

  /** Loads a scenario file. */
  public Scenario load(Path file) {
    String fallbackName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return broken(file.toString(), fallbackName, "cannot read the file: " + Texts.describe(e));
    }
    return parse(text, file.toString(), fallbackName);
  }

  /** Parses a scenario from text; {@code origin} labels it in messages and names it if it has no name. */
  public Scenario parse(String text, String origin) {
    return parse(text, origin, origin);
  }

  private Scenario parse(String text, String origin, String fallbackName) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        docs.add(it.nextValue());
      }
    } catch (IOException | RuntimeException e) {
      return broken(origin, fallbackName, "not valid YAML: " + Texts.oneLine(e.getMessage()));
    }
    if (docs.size() != 1) {
      return broken(origin, fallbackName, "a scenario file holds exactly one YAML document, found " + docs.size());
    }
    return bind(docs.get(0), origin, fallbackName);
  }

  private static Scenario broken(String origin, String name, String problem) {
    return new Scenario(origin, name, Optional.empty(), Optional.empty(), List.of(), ClusterSpec.defaults(),
        Optional.empty(), List.of(), List.of(problem));
  }

  private Scenario bind(JsonNode root, String origin, String fallbackName) {
    List<String> problems = new ArrayList<>();
    TOP.check(root, "", problems);
    if (!root.isObject()) {
      return broken(origin, fallbackName, problems.get(0));
    }
    String name = textAt(root, "name").filter(s -> !s.isBlank()).orElse(fallbackName);
    if (root.has("name") && root.get("name").isTextual() && root.get("name").asText().isBlank()) {
      problems.add("name: must not be empty");
    }
    if (name.contains("\n")) {
      problems.add("name: must be one line");
    }
    List<String> requires = root.has("requires") ? strings(root.get("requires")) : List.of();
    ClusterSpec cluster = cluster(root.path("cluster"), problems);
    List<Step> steps = new ArrayList<>();
    JsonNode stepNodes = root.path("steps");
    if (stepNodes.isArray()) {
      if (stepNodes.isEmpty()) {
        problems.add("steps: a scenario needs at least one step");
      }
      Map<String, Integer> names = new java.util.HashMap<>();
      for (int i = 0; i < stepNodes.size(); i++) {
        Step step = step(stepNodes.get(i), i + 1);
        // Case ids are <scenario> :: <step>, so a second step of the same name would be ambiguous.
        Integer earlier = names.putIfAbsent(step.name(), step.index());
        if (earlier != null) {
          step = step.withProblem("name: already the name of step " + earlier);
        }
        steps.add(step);
      }
    }
    return new Scenario(origin, name, textAt(root, "source"), textAt(root, "description"), requires, cluster,
        textAt(root, "manifests"), steps, problems);
  }

  private static ClusterSpec cluster(JsonNode node, List<String> problems) {
    if (node.isMissingNode() || node.isNull()) {
      return ClusterSpec.defaults();
    }
    int before = problems.size();
    CLUSTER.check(node, "cluster", problems);
    if (problems.size() > before) {
      return ClusterSpec.defaults();
    }
    try {
      return new ClusterSpec(
          node.has("seed") ? OptionalLong.of(node.get("seed").asLong()) : OptionalLong.empty(),
          optional(node, "nodes", ScenarioLoader::nodes),
          textAt(node, "serviceCIDR"),
          textAt(node, "clusterCIDR"),
          textAt(node, "nodePortRange"),
          textAt(node, "clusterDomain"),
          optional(node, "kubeProxy", ScenarioLoader::kubeProxy),
          optional(node, "hostResolvConf", n ->
              new HostResolvConf(strings(n.path("nameservers")), strings(n.path("searches")), strings(n.path("options")))),
          optional(node, "upstreamDns", ScenarioLoader::upstreamDns),
          node.has("addons") ? strings(node.get("addons")) : ClusterSpec.DEFAULT_ADDONS);
    } catch (IllegalArgumentException e) {
      problems.add("cluster: " + Texts.oneLine(e.getMessage()));
      return ClusterSpec.defaults();
    }
  }

  private static List<NodeConfig> nodes(JsonNode list) {
    List<NodeConfig> nodes = new ArrayList<>();
    for (JsonNode n : list) {
      nodes.add(new NodeConfig(n.get("name").asText(), strings(n.get("addresses")), n.get("podCIDR").asText()));
    }
    return nodes;
  }

  private static KubeProxyOptions kubeProxy(JsonNode n) {
    KubeProxyOptions d = KubeProxyOptions.defaults();
    return new KubeProxyOptions(
        textAt(n, "mode").orElse(d.mode()),
        n.has("masqueradeAll") ? n.get("masqueradeAll").asBoolean() : d.masqueradeAll(),
        textAt(n, "detectLocal").orElse(d.detectLocal()),
        n.has("localhostNodePorts") ? n.get("localhostNodePorts").asBoolean() : d.localhostNodePorts(),
        n.has("nodePortAddresses") ? strings(n.get("nodePortAddresses")) : d.nodePortAddresses());
  }

  private static Map<String, List<String>> upstreamDns(JsonNode n) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      out.put(e.getKey(), strings(e.getValue()));
    }
    return out;
  }

  /** Reads one step; whatever is wrong with it goes into its problems. */
  static Step step(JsonNode node, int index) {
    String fallback = "step " + index;
    List<String> problems = new ArrayList<>();
    if (!node.isObject()) {
      problems.add("a step must be a mapping, got " + Texts.brief(node));
      return new Step(index, fallback, List.of(), Optional.empty(), MissingNode.getInstance(), Optional.empty(), 1, problems);
    }
    List<Verb> verbs = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      Optional<Verb> verb = Verb.byKey(key);
      if (verb.isPresent()) {
        verbs.add(verb.get());
      } else if (!STEP_KEYS.contains(key)) {
        problems.add("unknown key \"" + key + "\"");
      }
    }
    String name = fallback;
    if (node.has("name")) {
      String given = node.get("name").asText();
      if (node.get("name").isTextual() && !given.isBlank() && !given.contains("\n")) {
        name = given;
      } else {
        problems.add("name: expected a non-empty string on one line, got " + Texts.brief(node.get("name")));
      }
    }
    List<String> requires = List.of();
    if (node.has("requires")) {
      int before = problems.size();
      REQUIRES.check(node.get("requires"), "requires", problems);
      requires = problems.size() == before ? strings(node.get("requires")) : List.of();
    }
    Optional<Expectation> expect = node.has("expect") ? Optional.of(new Expectation(node.get("expect"))) : Optional.empty();
    int repeat = 1;
    if (verbs.isEmpty()) {
      problems.add("no verb: a step needs one of " + String.join(", ", verbKeys()));
      return new Step(index, name, requires, Optional.empty(), MissingNode.getInstance(), expect, repeat, problems);
    }
    if (verbs.size() > 1) {
      problems.add("more than one verb: " + String.join(", ", verbs.stream().map(Verb::key).toList()));
      return new Step(index, name, requires, Optional.empty(), MissingNode.getInstance(), expect, repeat, problems);
    }
    Verb verb = verbs.get(0);
    JsonNode input = node.get(verb.key());
    verb.input().check(input, verb.key(), problems);
    if (node.has("repeat")) {
      if (!verb.isRepeatable()) {
        problems.add("key \"repeat\" is only for exec and http steps");
      } else {
        int before = problems.size();
        Shape.positive().check(node.get("repeat"), "repeat", problems);
        repeat = problems.size() == before ? node.get("repeat").asInt() : 1;
      }
    }
    expect.ifPresentOrElse(
        e -> checkExpect(verb, e.tree(), node.has("repeat"), problems),
        () -> {
          if (!verb.isAction()) {
            problems.add("a " + verb.key() + " step needs an expect");
          }
        });
    return new Step(index, name, requires, Optional.of(verb), input, expect, repeat, problems);
  }

  private static void checkExpect(Verb verb, JsonNode expect, boolean repeats, List<String> problems) {
    Optional<Shape.Fields> shape = verb.expect();
    if (shape.isEmpty()) {
      problems.add("key \"expect\" is not for " + verb.key() + " steps");
      return;
    }
    int before = problems.size();
    shape.get().check(expect, "expect", problems);
    if (problems.size() > before) {
      return;
    }
    if (expect.isEmpty()) {
      problems.add("expect: empty; say what the step must answer");
    }
    if (expect.has("distinct") && !repeats) {
      problems.add("expect.distinct: needs repeat");
    }
    if (expect.has("error") && expect.has("ok")) {
      problems.add("expect: error and ok exclude each other");
    }
    if (expect.has("ok") && !expect.get("ok").asBoolean()) {
      problems.add("expect.ok: only true is meaningful; expect a failure with error:");
    }
  }

  private static List<String> verbKeys() {
    return java.util.Arrays.stream(Verb.values()).map(Verb::key).toList();
  }

  private static <T> Optional<T> optional(JsonNode node, String key, Function<JsonNode, T> read) {
    return node.has(key) ? Optional.of(read.apply(node.get(key))) : Optional.empty();
  }

  private static Optional<String> textAt(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
