package dev.kubesim.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.samples.conformance.ScenarioTarget.DnsQuery;
import dev.kubesim.samples.conformance.ScenarioTarget.DnsRecord;
import dev.kubesim.samples.conformance.ScenarioTarget.DnsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code dns}: one query to the cluster DNS. {@code answers} are compared as a multiset (in order
 * with {@code ordered: true}); a record's {@code ttl} only where the expectation gives one.
 */
final class DnsHandler implements StepHandler {
  @Override
  public StepOutcome run(StepContext ctx, JsonNode input, Optional<JsonNode> expect, int repeat) {
    Optional<String> from = input.has("from") ? Optional.of(ctx.pods().resolve(input.get("from"))) : Optional.empty();
    DnsResult r = ctx.target().dns(new DnsQuery(input.get("name").asText(), input.get("type").asText(), from));
    JsonNode e = expect.orElseThrow();
    Mismatches m = new Mismatches();
    if (e.has("rcode")) {
      m.equal("rcode", e.get("rcode").asText(), r.rcode());
    }
    if (e.has("answers")) {
      List<JsonNode> want = new ArrayList<>();
      e.get("answers").forEach(want::add);
      boolean ordered = e.path("ordered").asBoolean(false);
      if (!(ordered ? sameInOrder(want, r.answers()) : sameAsMultiset(want, r.answers()))) {
        m.add("answers " + Texts.list(want.stream().map(DnsHandler::show).toList()),
            "answers " + Texts.list(r.answers().stream().map(DnsHandler::show).toList()));
      }
    }
    return m.outcome();
  }

  private static boolean sameInOrder(List<JsonNode> want, List<DnsRecord> got) {
    if (want.size() != got.size()) {
      return false;
    }
    for (int i = 0; i < want.size(); i++) {
      if (!matches(want.get(i), got.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameAsMultiset(List<JsonNode> want, List<DnsRecord> got) {
    if (want.size() != got.size()) {
      return false;
    }
    List<DnsRecord> left = new ArrayList<>(got);
    for (JsonNode w : want) {
      Optional<DnsRecord> hit = left.stream().filter(g -> matches(w, g)).findFirst();
      if (hit.isEmpty()) {
        return false;
      }
      left.remove(hit.get());
    }
    return true;
  }

  private static boolean matches(JsonNode want, DnsRecord got) {
    return want.get("name").asText().equals(got.name())
        && want.get("type").asText().equals(got.type())
        && want.get("data").asText().equals(got.data())
        && (!want.has("ttl") || want.get("ttl").asLong() == got.ttl());
  }

  private static String show(JsonNode r) {
    return r.get("name").asText() + " " + (r.has("ttl") ? r.get("ttl").asText() + " " : "")
        + r.get("type").asText() + " " + r.get("data").asText();
  }

  private static String show(DnsRecord r) {
    return r.name() + " " + r.ttl() + " " + r.type() + " " + r.data();
  }
}
