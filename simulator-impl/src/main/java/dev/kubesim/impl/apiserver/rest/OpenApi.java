package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.apiserver.openapi.OpenApiSchemas;
import dev.kubesim.impl.codec.KindCatalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAPI v3 documents: the root ({@code /openapi/v3}) names one document per group version, and
 * each lists the resources' operations with their {@code x-kubernetes-group-version-kind} and query
 * parameters, and the kinds' schemas ({@link OpenApiSchemas}). The operations are what kubectl's
 * query-parameter verifier looks for before it sends {@code fieldValidation=Strict} (server-side field
 * validation) instead of validating against schemas itself; the schemas are what {@code kubectl
 * explain} reads, the real kubectl's over HTTP and kubesim's own from {@link #document(KindCatalog,
 * String)}. The patch operations name no request body, so kubectl's client-side {@code apply} still
 * computes its patches from its compiled-in types rather than from these schemas. OpenAPI v2 is not
 * served (404), which kubectl accepts once v3 answers.
 */
public final class OpenApi {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> WRITE_PARAMS = List.of("dryRun", "fieldManager", "fieldValidation", "pretty");

  private OpenApi() {}

  /** {@code api/v1}, {@code apis/apps/v1}: the document names of the root. */
  static String documentName(String groupVersion) {
    return groupVersion.contains("/") ? "apis/" + groupVersion : "api/" + groupVersion;
  }

  static ObjectNode root(KindCatalog kinds) {
    ObjectNode root = JSON.objectNode();
    ObjectNode paths = root.putObject("paths");
    for (String gv : ResourceCatalog.groupVersions(kinds)) {
      String name = documentName(gv);
      paths.putObject(name).put("serverRelativeURL", "/openapi/v3/" + name + "?hash=" + hash(document(kinds, gv)));
    }
    return root;
  }

  /** The document of a group version named {@code api/v1} or {@code apis/GROUP/VERSION}. */
  static Optional<ObjectNode> document(KindCatalog kinds, List<String> name) {
    String joined = String.join("/", name);
    for (String gv : ResourceCatalog.groupVersions(kinds)) {
      if (documentName(gv).equals(joined)) {
        return Optional.of(document(kinds, gv));
      }
    }
    return Optional.empty();
  }

  /**
   * The document of a group version, as {@code /openapi/v3/api/v1} or {@code /openapi/v3/apis/GROUP/VERSION} serves it.
   *
   * @param kinds the cluster's kinds
   * @param groupVersion {@code v1} or {@code GROUP/VERSION}
   * @return the document: its paths and its schemas
   */
  public static ObjectNode document(KindCatalog kinds, String groupVersion) {
    ObjectNode doc = JSON.objectNode();
    doc.put("openapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", Discovery.VERSION);
    ObjectNode paths = doc.putObject("paths");
    String prefix = groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
    for (KindInfo k : ResourceCatalog.resources(kinds, groupVersion)) {
      String collection = prefix + (k.namespaced() ? "/namespaces/{namespace}/" : "/") + k.resource();
      ObjectNode list = paths.putObject(collection);
      operation(list, "get", "list", k, List.of("labelSelector", "fieldSelector", "limit", "continue", "resourceVersion",
          "watch", "allowWatchBookmarks", "timeoutSeconds", "pretty"));
      operation(list, "post", "post", k, WRITE_PARAMS);
      operation(list, "delete", "deletecollection", k, List.of("labelSelector", "fieldSelector", "dryRun",
          "gracePeriodSeconds", "propagationPolicy"));
      ObjectNode item = paths.putObject(collection + "/{name}");
      operation(item, "get", "get", k, List.of("pretty"));
      operation(item, "put", "put", k, WRITE_PARAMS);
      operation(item, "patch", "patch", k, List.of("dryRun", "fieldManager", "fieldValidation", "force", "pretty"));
      operation(item, "delete", "delete", k, List.of("dryRun", "gracePeriodSeconds", "propagationPolicy", "pretty"));
    }
    doc.putObject("components").set("schemas", OpenApiSchemas.schemas(kinds, groupVersion));
    return doc;
  }

  private static void operation(ObjectNode path, String method, String action, KindInfo k, List<String> params) {
    ObjectNode op = path.putObject(method);
    op.put("operationId", method + k.kind());
    ArrayNode parameters = op.putArray("parameters");
    for (String p : params) {
      ObjectNode param = parameters.addObject();
      param.put("name", p);
      param.put("in", "query");
      param.putObject("schema").put("type", p.equals("limit") || p.endsWith("Seconds") ? "integer"
          : p.equals("watch") || p.equals("force") || p.equals("allowWatchBookmarks") ? "boolean" : "string");
    }
    op.putObject("responses").putObject("200").put("description", "OK");
    op.put("x-kubernetes-action", action);
    ObjectNode gvk = op.putObject("x-kubernetes-group-version-kind");
    gvk.put("group", k.group());
    gvk.put("version", k.version());
    gvk.put("kind", k.kind());
  }

  private static String hash(ObjectNode doc) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(doc.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
