package dev.kubesim.impl.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.Kinds.KindInfo;
import java.util.Iterator;
import java.util.Map;

/**
 * Conversion between the versions the API server serves a kind in and the one it stores, as
 * kube-apiserver converts through the internal version: an object is stored once, in its storage
 * version ({@link KindRegistry#byKind}), and read and written in any served version. The one kind
 * served in more than one version is the HorizontalPodAutoscaler ({@code autoscaling/v2} stored,
 * {@code autoscaling/v1} served too), converted as {@code pkg/apis/autoscaling/v1/conversion.go}
 * does: {@code targetCPUUtilizationPercentage} is a {@code Resource} metric on {@code cpu} with a
 * {@code Utilization} target, a v1 object without it gets the 80% default, and the current cpu
 * utilization is {@code currentCPUUtilizationPercentage}. What v1 cannot express (other metrics,
 * conditions, behavior) is not shown in v1 and is kept in storage when a v1 client writes the
 * object back, except the metrics, which v1's spec replaces.
 */
public final class Conversions {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String HPA = "HorizontalPodAutoscaler";
  /** {@code autoscaling.DefaultCPUUtilization}: a v1 HPA without a cpu target aims at 80%. */
  public static final int DEFAULT_CPU_UTILIZATION = 80;

  private Conversions() {}

  /** Whether objects of this served kind and version are stored in another version. */
  public static boolean converts(KindInfo served) {
    return KindRegistry.byKind(served.kind()).map(s -> !s.apiVersion().equals(served.apiVersion())).orElse(false);
  }

  /**
   * A tree written in a served version, converted to the storage version; the tree itself when it
   * is in the storage version already (or of a kind that has one version).
   */
  public static JsonNode toStorage(JsonNode tree) {
    if (!tree.isObject() || !HPA.equals(tree.path("kind").asText()) || !"autoscaling/v1".equals(tree.path("apiVersion").asText())) {
      return tree;
    }
    return hpaV1ToV2((ObjectNode) tree);
  }

  /** A stored object's tree as the served version {@code served} shows it. */
  public static ObjectNode toVersion(ObjectNode stored, KindInfo served) {
    if (!converts(served) || !stored.path("apiVersion").asText().equals(KindRegistry.byKind(served.kind())
        .map(KindInfo::apiVersion).orElse(""))) {
      return stored;
    }
    if (served.kind().equals(HPA) && served.apiVersion().equals("autoscaling/v1")) {
      return hpaV2ToV1(stored);
    }
    return stored;
  }

  private static ObjectNode hpaV1ToV2(ObjectNode v1) {
    ObjectNode out = JSON.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = v1.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      switch (f.getKey()) {
        case "apiVersion" -> out.put("apiVersion", "autoscaling/v2");
        case "spec" -> out.set("spec", specToV2(f.getValue()));
        case "status" -> out.set("status", statusToV2(f.getValue()));
        default -> out.set(f.getKey(), f.getValue().deepCopy());
      }
    }
    if (!out.has("spec")) {
      out.set("spec", specToV2(JSON.objectNode()));
    }
    return out;
  }

  private static JsonNode specToV2(JsonNode spec) {
    if (!spec.isObject()) {
      return spec;
    }
    ObjectNode out = JSON.objectNode();
    int cpu = DEFAULT_CPU_UTILIZATION;
    Iterator<Map.Entry<String, JsonNode>> fields = spec.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getKey().equals("targetCPUUtilizationPercentage")) {
        if (f.getValue().isIntegralNumber()) {
          cpu = f.getValue().asInt();
        }
      } else {
        out.set(f.getKey(), f.getValue().deepCopy());
      }
    }
    ObjectNode metric = out.putArray("metrics").addObject();
    metric.put("type", "Resource");
    ObjectNode resource = metric.putObject("resource");
    resource.put("name", "cpu");
    ObjectNode target = resource.putObject("target");
    target.put("type", "Utilization");
    target.put("averageUtilization", cpu);
    return out;
  }

  private static JsonNode statusToV2(JsonNode status) {
    if (!status.isObject()) {
      return status;
    }
    ObjectNode out = JSON.objectNode();
    for (String f : new String[] {"observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas"}) {
      // v2's currentReplicas is omitempty, its desiredReplicas is not
      if (status.has(f) && !(f.equals("currentReplicas") && status.get(f).asInt(0) == 0)) {
        out.set(f, status.get(f).deepCopy());
      }
    }
    if (status.path("currentCPUUtilizationPercentage").isIntegralNumber()) {
      ObjectNode m = out.putArray("currentMetrics").addObject();
      m.put("type", "Resource");
      ObjectNode resource = m.putObject("resource");
      resource.put("name", "cpu");
      resource.putObject("current").put("averageUtilization", status.get("currentCPUUtilizationPercentage").asInt());
    }
    return out;
  }

  private static ObjectNode hpaV2ToV1(ObjectNode v2) {
    ObjectNode out = JSON.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = v2.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      switch (f.getKey()) {
        case "apiVersion" -> out.put("apiVersion", "autoscaling/v1");
        case "spec" -> out.set("spec", specToV1(f.getValue()));
        case "status" -> out.set("status", statusToV1(f.getValue()));
        default -> out.set(f.getKey(), f.getValue().deepCopy());
      }
    }
    return out;
  }

  private static JsonNode specToV1(JsonNode spec) {
    ObjectNode out = JSON.objectNode();
    if (spec.has("scaleTargetRef")) {
      out.set("scaleTargetRef", spec.get("scaleTargetRef").deepCopy());
    }
    if (spec.has("minReplicas")) {
      out.set("minReplicas", spec.get("minReplicas").deepCopy());
    }
    out.set("maxReplicas", spec.path("maxReplicas").isMissingNode() ? JSON.numberNode(0) : spec.get("maxReplicas").deepCopy());
    for (JsonNode m : iterable(spec.path("metrics"))) {
      if (m.path("type").asText().equals("Resource") && m.path("resource").path("name").asText().equals("cpu")) {
        JsonNode utilization = m.path("resource").path("target").path("averageUtilization");
        if (utilization.isIntegralNumber()) {
          out.put("targetCPUUtilizationPercentage", utilization.asInt());
        }
        break;
      }
    }
    return out;
  }

  private static JsonNode statusToV1(JsonNode status) {
    ObjectNode out = JSON.objectNode();
    if (status.has("observedGeneration")) {
      out.set("observedGeneration", status.get("observedGeneration").deepCopy());
    }
    if (status.has("lastScaleTime")) {
      out.set("lastScaleTime", status.get("lastScaleTime").deepCopy());
    }
    out.put("currentReplicas", status.path("currentReplicas").asInt(0));
    out.put("desiredReplicas", status.path("desiredReplicas").asInt(0));
    for (JsonNode m : iterable(status.path("currentMetrics"))) {
      if (m.path("type").asText().equals("Resource") && m.path("resource").path("name").asText().equals("cpu")
          && m.path("resource").path("current").path("averageUtilization").isIntegralNumber()) {
        out.put("currentCPUUtilizationPercentage", m.path("resource").path("current").path("averageUtilization").asInt());
      }
    }
    return out;
  }

  private static Iterable<JsonNode> iterable(JsonNode array) {
    return array.isArray() ? array : JSON.arrayNode();
  }
}
