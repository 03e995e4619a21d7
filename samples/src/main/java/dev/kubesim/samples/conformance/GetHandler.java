package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.impl.net.Cidr;
import java.util.Map;
import java.util.Optional;

/**
 * {@code get}: an object as stored, after defaulting and allocation. {@code fields} compares
 * values as YAML data ({@link JsonValues#equal}); {@code absent} demands that a path resolves to
 * nothing (a JSON null counts as absent); {@code inCIDR} that an address lies in a range;
 * {@code inRange} that a whole number lies in {@code first-last}.
 */
final class GetHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    String kind = input.get("kind").asText();
    String namespace = input.path("namespace").asText("default");
    String name = input.get("name").asText();
    Optional<JsonNode> object = ctx.stored(kind, namespace, name);
    String label = kind + " " + (input.has("namespace") ? namespace + "/" : "") + name;
    if (object.isEmpty()) {
      return StepOutcome.failed(label, "not found");
    }
    JsonNode tree = object.get();
    JsonNode e = expect.orElseThrow();
    Mismatches m = new Mismatches();
    for (Map.Entry<String, JsonNode> f : e.path("fields").properties()) {
      Optional<JsonNode> actual = ctx.field(tree, f.getKey());
      if (actual.isEmpty() || !JsonValues.equal(f.getValue(), actual.get())) {
        m.add(f.getKey() + ": " + Texts.brief(f.getValue()), f.getKey() + ": " + JsonValues.show(actual));
      }
    }
    for (JsonNode path : e.path("absent")) {
      Optional<JsonNode> actual = ctx.field(tree, path.asText());
      if (actual.isPresent()) {
        m.add(path.asText() + " absent", path.asText() + ": " + JsonValues.show(actual));
      }
    }
    for (Map.Entry<String, JsonNode> f : e.path("inCIDR").properties()) {
      Optional<JsonNode> actual = ctx.field(tree, f.getKey());
      if (!inCidr(f.getValue().asText(), actual)) {
        m.add(f.getKey() + " in " + f.getValue().asText(), f.getKey() + ": " + JsonValues.show(actual));
      }
    }
    for (Map.Entry<String, JsonNode> f : e.path("inRange").properties()) {
      Optional<JsonNode> actual = ctx.field(tree, f.getKey());
      if (!inRange(f.getValue().asText(), actual)) {
        m.add(f.getKey() + " in " + f.getValue().asText(), f.getKey() + ": " + JsonValues.show(actual));
      }
    }
    return m.outcome();
  }

  private static boolean inCidr(String cidr, Optional<JsonNode> actual) {
    Cidr range = Cidr.tryParse(cidr).orElseThrow(() -> new StepFailure("a valid CIDR", Texts.quote(cidr)));
    return actual.filter(JsonNode::isTextual).map(n -> range.contains(n.asText())).orElse(false);
  }

  private static boolean inRange(String range, Optional<JsonNode> actual) {
    String[] bounds = range.split("-", 2);
    long first = Long.parseLong(bounds[0]);
    long last = Long.parseLong(bounds[1]);
    return actual.filter(JsonNode::isIntegralNumber).map(n -> n.asLong() >= first && n.asLong() <= last).orElse(false);
  }
}
