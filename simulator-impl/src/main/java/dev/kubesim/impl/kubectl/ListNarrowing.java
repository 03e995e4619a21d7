package dev.kubesim.impl.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.apiserver.FieldSelector;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.kubectl.ErrorMessages.Failure;
import dev.kubesim.impl.kubectl.output.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@code kubectl get} does to a list before printing it: {@code --field-selector} (the API
 * server's, with its error for a field the resource does not select on) and {@code --sort-by} (a
 * JSONPath; numbers compared as numbers, other values as text, objects without the field first).
 */
final class ListNarrowing {
  private ListNarrowing() {}

  /** The results with only the objects the field selector selects; a refused selector is a failure of its kind. */
  static List<ObjectQuery.Result> fieldSelected(List<ObjectQuery.Result> results, String fieldSelector, String labelSelector,
      List<Failure> failures) {
    List<ObjectQuery.Result> kept = new ArrayList<>();
    for (ObjectQuery.Result r : results) {
      FieldSelector selector;
      try {
        selector = FieldSelector.parse(r.kind().resource(), fieldSelector);
      } catch (BadRequestException e) {
        failures.add(Failure.api(new BadRequestException("Unable to find \"" + resource(r.kind()) + "\" that match label selector \""
            + labelSelector + "\", field selector \"" + fieldSelector + "\": " + e.getMessage()), ""));
        continue;
      }
      kept.add(new ObjectQuery.Result(r.kind(), r.objects().stream().filter(o -> selector.matches(ObjectCodec.encode(o))).toList()));
    }
    return kept;
  }

  /** Each result's objects in the order of the JSONPath's first value ({@code --sort-by}). */
  static List<ObjectQuery.Result> sorted(List<ObjectQuery.Result> results, String sortBy) {
    JsonPath path = TemplateOutput.parse(TemplateOutput.relaxed(sortBy), sortBy);
    List<ObjectQuery.Result> out = new ArrayList<>();
    for (ObjectQuery.Result r : results) {
      List<Keyed> keyed = new ArrayList<>();
      for (KubeObject o : r.objects()) {
        keyed.add(new Keyed(o, path.nodes(ObjectCodec.encode(o)).stream().findFirst()));
      }
      if (!keyed.isEmpty() && keyed.stream().allMatch(k -> k.key().isEmpty())) {
        throw KubectlException.error("couldn't find any field with path \"" + path.template() + "\" in the list of objects");
      }
      keyed.sort(Comparator.comparing(Keyed::key, ListNarrowing::compare));
      out.add(new ObjectQuery.Result(r.kind(), keyed.stream().map(Keyed::object).toList()));
    }
    return out;
  }

  private record Keyed(KubeObject object, Optional<JsonNode> key) {}

  private static int compare(Optional<JsonNode> a, Optional<JsonNode> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isPresent(), b.isPresent());
    }
    JsonNode x = a.get();
    JsonNode y = b.get();
    if (x.isNumber() && y.isNumber()) {
      return Double.compare(x.asDouble(), y.asDouble());
    }
    return text(x).compareTo(text(y));
  }

  private static String text(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** The resource as the API server names it in errors: {@code /v1, Resource=pods}. */
  private static String resource(KindInfo kind) {
    return kind.group() + "/" + kind.version() + ", Resource=" + kind.resource();
  }

  static Optional<String> nonEmpty(Optional<String> flag) {
    return flag.filter(s -> !s.isEmpty());
  }
}
