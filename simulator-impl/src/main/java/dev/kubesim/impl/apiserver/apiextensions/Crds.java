package dev.kubesim.impl.apiserver.apiextensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.codec.KindCatalog;
import dev.kubesim.impl.codec.KindCatalog.CustomKind;
import dev.kubesim.impl.codec.KindCatalog.PrinterColumn;
import dev.kubesim.impl.codec.ObjectCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a CustomResourceDefinition stored as a generic object: its spec, status and served kinds. */
final class Crds {
  /** The kind of CustomResourceDefinitions. */
  static final String KIND = "CustomResourceDefinition";

  private Crds() {}

  /** The object's fields other than apiVersion, kind and metadata, as a tree (a copy). */
  static ObjectNode content(GenericObject object) {
    return ObjectCodec.mapper().valueToTree(object.content());
  }

  /** The object with these fields other than apiVersion, kind and metadata. */
  @SuppressWarnings("unchecked")
  static GenericObject withContent(GenericObject object, ObjectNode content) {
    Map<String, Object> map = ObjectCodec.mapper().convertValue(content, LinkedHashMap.class);
    return new GenericObject(object.apiVersion(), object.kind(), object.metadata(), map);
  }

  /** The name of the version marked {@code storage: true}, or empty. */
  static String storageVersion(JsonNode spec) {
    for (JsonNode v : spec.path("versions")) {
      if (v.path("storage").asBoolean(false)) {
        return v.path("name").asText("");
      }
    }
    return "";
  }

  /** Whether the definition's {@code Established} condition is True. */
  static boolean established(JsonNode crd) {
    return conditionTrue(crd, "Established");
  }

  static boolean conditionTrue(JsonNode crd, String type) {
    for (JsonNode c : crd.path("status").path("conditions")) {
      if (c.path("type").asText().equals(type)) {
        return c.path("status").asText().equals("True");
      }
    }
    return false;
  }

  /** The served versions of an established definition, in version priority order (the preferred first). */
  static List<CustomKind> servedKinds(String crdName, JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = crd.path("status").path("acceptedNames");
    String kind = names.path("kind").asText("");
    String plural = names.path("plural").asText("");
    if (kind.isEmpty() || plural.isEmpty()) {
      return List.of();
    }
    String group = spec.path("group").asText("");
    boolean namespaced = spec.path("scope").asText("").equals("Namespaced");
    List<JsonNode> versions = new ArrayList<>();
    spec.path("versions").forEach(versions::add);
    versions.sort(Comparator.comparing((JsonNode v) -> v.path("name").asText(""), Crds::compareVersions));
    List<CustomKind> out = new ArrayList<>();
    for (JsonNode v : versions) {
      if (!v.path("served").asBoolean(false)) {
        continue;
      }
      List<PrinterColumn> columns = new ArrayList<>();
      for (JsonNode c : v.path("additionalPrinterColumns")) {
        columns.add(new PrinterColumn(c.path("name").asText(""), c.path("type").asText(""), c.path("jsonPath").asText(""),
            c.path("priority").asInt(0), c.path("format").asText(""), c.path("description").asText("")));
      }
      JsonNode subresources = v.path("subresources");
      out.add(new CustomKind(
          KindCatalog.customInfo(kind, group, v.path("name").asText(""), plural, namespaced),
          crdName,
          names.path("singular").asText(kind.toLowerCase(java.util.Locale.ROOT)),
          strings(names.path("shortNames")),
          strings(names.path("categories")),
          v.path("storage").asBoolean(false),
          v.path("schema").get("openAPIV3Schema"),
          ImmutableList.copyOf(columns),
          subresources.has("status"),
          subresources.has("scale")));
    }
    return out;
  }

  private static ImmutableList<String> strings(JsonNode array) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    array.forEach(n -> out.add(n.asText()));
    return out.build();
  }

  private static final Pattern KUBE_VERSION = Pattern.compile("^v(\\d+)(?:(alpha|beta)(\\d+))?$");

  /**
   * Kubernetes' version priority: GA versions first (highest number first), then beta, then alpha,
   * then any other name in alphabetical order.
   */
  static int compareVersions(String a, String b) {
    Matcher ma = KUBE_VERSION.matcher(a);
    Matcher mb = KUBE_VERSION.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (!ka || !kb) {
      return ka ? -1 : kb ? 1 : a.compareTo(b);
    }
    int ra = rank(ma.group(2));
    int rb = rank(mb.group(2));
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    int major = Long.compare(Long.parseLong(mb.group(1)), Long.parseLong(ma.group(1)));
    if (major != 0 || ma.group(3) == null) {
      return major;
    }
    return Long.compare(Long.parseLong(mb.group(3)), Long.parseLong(ma.group(3)));
  }

  private static int rank(String stage) {
    return stage == null ? 0 : stage.equals("beta") ? 1 : 2;
  }
}
