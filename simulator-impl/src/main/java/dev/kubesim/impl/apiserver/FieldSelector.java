package dev.kubesim.impl.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code fieldSelector} ({@code metadata.name=kubia,status.phase!=Running}) as the API server
 * reads it: terms of {@code =}, {@code ==} or {@code !=} joined by commas, each on a field the
 * resource's storage declares selectable ({@code metadata.name} and {@code metadata.namespace}
 * everywhere, and each kind's own: {@code spec.nodeName} of pods, {@code involvedObject.*} of
 * events, ...). Another field is refused: {@code field label not supported: FIELD}. The served API
 * and kubectl's {@code --field-selector} read it alike.
 */
public final class FieldSelector {
  private static final Set<String> COMMON = Set.of("metadata.name", "metadata.namespace");

  private static final Map<String, Set<String>> BY_RESOURCE = Map.of(
      "pods", Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
          "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"),
      "events", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
          "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
          "reportingComponent", "source", "type"),
      "nodes", Set.of("spec.unschedulable"),
      "namespaces", Set.of("status.phase"),
      "secrets", Set.of("type"),
      "replicationcontrollers", Set.of("status.replicas"),
      "replicasets", Set.of("status.replicas"),
      "services", Set.of("spec.clusterIP", "spec.type"),
      "jobs", Set.of("status.successful"));

  private record Term(String field, boolean equals, String value) {}

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = terms;
  }

  /** Everything. */
  public static FieldSelector everything() {
    return new FieldSelector(List.of());
  }

  /**
   * Parses a selector for a resource.
   *
   * @throws BadRequestException for a term that does not parse or a field the resource does not select on
   */
  public static FieldSelector parse(String resource, String text) {
    List<Term> terms = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int ne = p.indexOf("!=");
      int eqeq = p.indexOf("==");
      int eq = p.indexOf('=');
      Term t;
      if (ne > 0) {
        t = new Term(p.substring(0, ne).trim(), false, p.substring(ne + 2).trim());
      } else if (eqeq > 0) {
        t = new Term(p.substring(0, eqeq).trim(), true, p.substring(eqeq + 2).trim());
      } else if (eq > 0) {
        t = new Term(p.substring(0, eq).trim(), true, p.substring(eq + 1).trim());
      } else {
        throw new BadRequestException("invalid selector: '" + text + "'; can't understand '" + p + "'");
      }
      if (!COMMON.contains(t.field()) && !BY_RESOURCE.getOrDefault(resource, Set.of()).contains(t.field())) {
        throw new BadRequestException("field label not supported: " + t.field());
      }
      terms.add(t);
    }
    return new FieldSelector(List.copyOf(terms));
  }

  /** The name an {@code metadata.name=NAME} term asks for, when the selector has one. */
  public java.util.Optional<String> singleName() {
    return terms.stream().filter(t -> t.field().equals("metadata.name") && t.equals()).map(Term::value).findFirst();
  }

  /** Whether the selector has no terms. */
  public boolean isEverything() {
    return terms.isEmpty();
  }

  /** Whether an object (as JSON) matches every term; a missing field reads as {@code ""}. */
  public boolean matches(JsonNode object) {
    for (Term t : terms) {
      JsonNode at = object;
      for (String step : t.field().split("\\.")) {
        at = at == null ? null : at.get(step);
      }
      String value = at == null || at.isNull() ? "" : at.asText();
      if (t.equals() != value.equals(t.value())) {
        return false;
      }
    }
    return true;
  }
}
