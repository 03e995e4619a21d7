package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
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
    Range range = Range.parse(cidr).orElseThrow(() -> new StepFailure("a valid CIDR", Texts.quote(cidr)));
    return actual.filter(JsonNode::isTextual).map(n -> range.contains(n.asText())).orElse(false);
  }

  /** An IPv4 or IPv6 range in CIDR notation ({@code 10.96.0.0/12}); host bits of the base are ignored. */
  private record Range(BigInteger base, int prefixLength, int bits) {
    static Optional<Range> parse(String text) {
      int slash = text.indexOf('/');
      if (slash < 0 || !InetAddresses.isInetAddress(text.substring(0, slash))) {
        return Optional.empty();
      }
      InetAddress a = InetAddresses.forString(text.substring(0, slash));
      int bits = a instanceof Inet4Address ? 32 : 128;
      int prefix;
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > bits) {
        return Optional.empty();
      }
      return Optional.of(new Range(new BigInteger(1, a.getAddress()).shiftRight(bits - prefix), prefix, bits));
    }

    boolean contains(String address) {
      if (!InetAddresses.isInetAddress(address)) {
        return false;
      }
      InetAddress a = InetAddresses.forString(address);
      return (a instanceof Inet4Address ? 32 : 128) == bits
          && new BigInteger(1, a.getAddress()).shiftRight(bits - prefixLength).equals(base);
    }
  }

  private static boolean inRange(String range, Optional<JsonNode> actual) {
    String[] bounds = range.split("-", 2);
    long first = Long.parseLong(bounds[0]);
    long last = Long.parseLong(bounds[1]);
    return actual.filter(JsonNode::isIntegralNumber).map(n -> n.asLong() >= first && n.asLong() <= last).orElse(false);
  }
}
