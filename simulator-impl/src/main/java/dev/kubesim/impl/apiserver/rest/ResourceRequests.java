package dev.kubesim.impl.apiserver.rest;

import dev.kubesim.impl.apiserver.Patches;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.ConflictException;
import dev.kubesim.api.InvalidObjectException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.DeleteOptions;
import dev.kubesim.impl.apiserver.FieldSelector;
import dev.kubesim.impl.apiserver.ManagedFields;
import dev.kubesim.impl.codec.Conversions;
import dev.kubesim.impl.codec.Document;
import dev.kubesim.impl.codec.ObjectCodec;
import dev.kubesim.impl.labels.SelectorText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The verbs on resources — get, list, create, update, patch, delete, deletecollection, and the
 * {@code status} and {@code scale} subresources — as the API server's REST handlers run them:
 * decode the body (strictly), check preconditions, then call the simulated {@link ApiServer}, which
 * defaults, admits, allocates, validates and stores. Everything runs under the cluster's lock.
 *
 * <p>Time: a write answers once the API server and the controllers have reacted at the current
 * instant ({@link RestHost#reacted()}); what takes virtual time (image pulls, container starts)
 * runs before the next read ({@link RestHost#settle()}), so that a burst of writes — the requests
 * of one kubectl command — is seen together, as a real API server sees requests that arrive
 * milliseconds apart, and the cluster has settled before anyone looks. A read in the middle of a
 * kubectl command (the GET before each object {@code kubectl apply} writes) does not settle: the
 * command's writes are one burst, whatever order its documents come in (a Deployment before the
 * ServiceAccount its pods need), as they are for kubesim's own kubectl.
 */
final class ResourceRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String BODY_SOURCE = "request body";

  /** What a verb answers: the status code, the body, and warnings for the {@code Warning} header. */
  record Reply(int code, JsonNode body, List<String> warnings) {
    Reply(int code, JsonNode body) {
      this(code, body, List.of());
    }
  }

  private final RestHost host;
  private final Predicate<ApiRequest> midCommand;

  /** @param midCommand whether a request comes from the kubectl command whose writes are the latest */
  ResourceRequests(RestHost host, Predicate<ApiRequest> midCommand) {
    this.host = host;
    this.midCommand = midCommand;
  }

  /** For reads outside the API's verbs (a watch's first list): nothing is mid-command. */
  ResourceRequests(RestHost host) {
    this(host, r -> false);
  }

  /** Settles before a read, unless the read is part of the kubectl command that is writing. */
  private void settleForRead(ApiRequest r) {
    if (!midCommand.test(r)) {
      host.settle();
    }
  }

  Reply handle(ApiRequest r) {
    String sub = r.subresource();
    if (!sub.isEmpty() && !(sub.equals("status") && ResourceCatalog.hasStatus(host.api().kinds(), r.kind()))
        && !(sub.equals("scale") && ResourceCatalog.hasScale(host.api().kinds(), r.kind()))) {
      return new Reply(404, StatusObjects.pageNotFound());
    }
    return switch (r.method()) {
      case "GET" -> r.name().isEmpty() ? list(r) : get(r);
      case "POST" -> r.name().isEmpty() ? create(r) : new Reply(405, StatusObjects.methodNotAllowed(r.method()));
      case "PUT" -> r.name().isEmpty() ? new Reply(405, StatusObjects.methodNotAllowed(r.method())) : update(r);
      case "PATCH" -> r.name().isEmpty() ? new Reply(405, StatusObjects.methodNotAllowed(r.method())) : patch(r);
      case "DELETE" -> r.name().isEmpty() ? deleteCollection(r) : delete(r);
      default -> new Reply(405, StatusObjects.methodNotAllowed(r.method()));
    };
  }

  // ---- reads

  private Reply get(ApiRequest r) {
    return host.locked(() -> {
      settleForRead(r);
      KubeObject o = host.api().getOrThrow(r.kind().kind(), r.namespace(), r.name());
      if (r.subresource().equals("scale")) {
        return new Reply(200, Scales.of(o));
      }
      if (r.wantsTable()) {
        return new Reply(200, TableOutput.table(dev.kubesim.impl.kubectl.printers.TablePrinters.forKind(r.kind(), host.api().kinds()), List.of(o), host.loop().clock().instant(),
            TableOutput.Include.parse(r.param("includeObject").orElse("")), host.api().store().resourceVersion(), ""));
      }
      return new Reply(200, served(r, o));
    });
  }

  private Reply list(ApiRequest r) {
    Predicate<Map<String, String>> labels = labelSelector(r);
    FieldSelector fields = fieldSelector(r);
    long limit = r.param("limit").map(ResourceRequests::parseLimit).orElse(0L);
    Optional<String> after = r.param("continue").filter(s -> !s.isEmpty()).map(ResourceRequests::continueKey);
    return host.locked(() -> {
      settleForRead(r);
      List<KubeObject> all = matching(r, labels, fields);
      List<KubeObject> page = new ArrayList<>();
      String next = "";
      int remaining = 0;
      for (KubeObject o : all) {
        if (after.isPresent() && key(o).compareTo(after.get()) <= 0) {
          continue;
        }
        if (limit > 0 && page.size() >= limit) {
          remaining++;
          continue;
        }
        page.add(o);
      }
      String rv = host.api().store().resourceVersion();
      if (remaining > 0) {
        next = continueToken(rv, key(page.get(page.size() - 1)));
      }
      if (r.wantsTable()) {
        return new Reply(200, TableOutput.table(dev.kubesim.impl.kubectl.printers.TablePrinters.forKind(r.kind(), host.api().kinds()), page, host.loop().clock().instant(),
            TableOutput.Include.parse(r.param("includeObject").orElse("")), rv, next));
      }
      ObjectNode list = JSON.objectNode();
      list.put("kind", r.kind().kind() + "List");
      list.put("apiVersion", r.kind().apiVersion());
      ObjectNode meta = list.putObject("metadata");
      meta.put("resourceVersion", rv);
      if (!next.isEmpty()) {
        meta.put("continue", next);
        if (fields.isEverything() && r.param("labelSelector").orElse("").isEmpty()) {
          meta.put("remainingItemCount", remaining);
        }
      }
      ArrayNode items = list.putArray("items");
      page.forEach(o -> items.add(served(r, o)));
      return new Reply(200, list);
    });
  }

  /** The objects of the request's resource and namespace that the selectors match; call under the lock. */
  List<KubeObject> matching(ApiRequest r, Predicate<Map<String, String>> labels, FieldSelector fields) {
    Optional<String> ns = r.kind().namespaced() && !r.namespace().isEmpty() ? Optional.of(r.namespace()) : Optional.empty();
    List<KubeObject> out = new ArrayList<>();
    for (KubeObject o : host.api().list(r.kind().kind(), ns)) {
      if (labels.test(o.metadata().labels()) && (fields.isEverything() || fields.matches(ObjectCodec.encode(o)))) {
        out.add(o);
      }
    }
    return out;
  }

  static Predicate<Map<String, String>> labelSelector(ApiRequest r) {
    String text = r.param("labelSelector").orElse("");
    try {
      return SelectorText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("unable to parse requirement: " + e.getMessage());
    }
  }

  static FieldSelector fieldSelector(ApiRequest r) {
    String text = r.param("fieldSelector").orElse("");
    return text.isEmpty() ? FieldSelector.everything() : FieldSelector.parse(r.kind().resource(), text);
  }

  /** The list order of the store: namespace, then name. */
  private static String key(KubeObject o) {
    return o.metadata().namespace().orElse("") + "\u0000" + o.metadata().nameOrEmpty();
  }

  private static long parseLimit(String s) {
    try {
      return Math.max(0, Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new BadRequestException("limit: Invalid value: \"" + s + "\": must be a number");
    }
  }

  private static String continueToken(String rv, String lastKey) {
    ObjectNode token = JSON.objectNode();
    token.put("v", "meta.k8s.io/v1");
    token.put("rv", Long.parseLong(rv));
    token.put("start", lastKey + "\u0000");
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String continueKey(String token) {
    try {
      JsonNode t = ObjectCodec.mapper().readTree(Base64.getUrlDecoder().decode(token.replace("=", "")));
      String start = t.path("start").asText();
      if (!"meta.k8s.io/v1".equals(t.path("v").asText()) || start.isEmpty()) {
        throw new IllegalArgumentException();
      }
      return start.substring(0, start.length() - 1);
    } catch (IOException | IllegalArgumentException e) {
      throw new BadRequestException("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
    }
  }

  // ---- writes

  private Reply create(ApiRequest r) {
    JsonNode body = body(r);
    KubeObject object = decode(r, body);
    ApiServer.FieldOwner owner = ApiServer.FieldOwner.updater(fieldManager(r), givenManagedFields(body));
    return host.locked(() -> {
      var written = host.api().createWarned(object, r.dryRun(), owner);
      if (!r.dryRun()) {
        host.reacted();
      }
      return new Reply(201, served(r, written.object()), headers(written.warnings()));
    });
  }

  /** The managed fields a body carries ({@link ManagedFields#fromJson}), or null. */
  private static ManagedFields givenManagedFields(JsonNode body) {
    return ManagedFields.fromJson(body.path("metadata").get("managedFields")).orElse(null);
  }

  /** The object as served: its JSON with its {@code metadata.managedFields}; call under the lock. */
  /** The object as served to this request: in the request's version, with its managed fields. */
  private ObjectNode served(ApiRequest r, KubeObject o) {
    return withManagedFields(encode(r, o), host.api().managedFields(o));
  }

  /** The object's JSON with the managed fields at the end of its metadata, where kube-apiserver writes them. */
  static ObjectNode withManagedFields(ObjectNode json, ManagedFields managed) {
    if (!managed.isEmpty()) {
      json.with("metadata").set("managedFields", managed.toJson());
    }
    return json;
  }

  /**
   * The field manager a write is attributed to: the {@code fieldManager} parameter, or else what
   * kube-apiserver takes from the User-Agent ({@code prefixFromUserAgent}): the part before the
   * first {@code /}, printable characters only, at most 128 bytes.
   */
  static String fieldManager(ApiRequest r) {
    Optional<String> given = r.param("fieldManager").filter(m -> !m.isEmpty());
    if (given.isPresent()) {
      return given.get();
    }
    String agent = Optional.ofNullable(r.headers().apply("User-Agent")).orElse("");
    String prefix = agent.split("/", -1)[0];
    StringBuilder sb = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < prefix.length(); ) {
      int cp = prefix.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
        continue;
      }
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > 128) {
        break;
      }
      bytes += n;
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  private Reply update(ApiRequest r) {
    JsonNode body = body(r);
    Optional<KubeObject> decoded = r.subresource().isEmpty() ? Optional.of(decode(r, body)) : Optional.empty();
    return host.locked(() -> {
      KubeObject current = host.api().getOrThrow(r.kind().kind(), r.namespace(), r.name());
      return switch (r.subresource()) {
        case "status" -> writeStatus(r, current, body);
        case "scale" -> writeScale(r, current, body);
        default -> {
          KubeObject object = decoded.orElseThrow();
          checkResourceVersion(r, current, object.metadata().resourceVersion().orElse(""));
          yield stored(r, host.api().updateWarned(object, r.dryRun(),
              ApiServer.FieldOwner.updater(fieldManager(r), givenManagedFields(body))));
        }
      };
    });
  }

  private Reply patch(ApiRequest r) {
    JsonNode patch = body(r);
    String type = r.contentType();
    if (type.equals(Patches.APPLY)) {
      return apply(r, patch);
    }
    if (!type.equals(Patches.MERGE) && !type.equals(Patches.STRATEGIC) && !type.equals(Patches.JSON_PATCH)) {
      return new Reply(415, StatusObjects.failure(415, "UnsupportedMediaType",
          "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, "
              + "application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json"));
    }
    return host.locked(() -> {
      KubeObject current = host.api().getOrThrow(r.kind().kind(), r.namespace(), r.name());
      JsonNode target = r.subresource().equals("scale") ? Scales.of(current) : served(r, current);
      String kind = r.subresource().equals("scale") ? "Scale" : r.kind().kind();
      JsonNode patched = switch (type) {
        case Patches.MERGE -> Patches.mergePatch(target, patch);
        case Patches.STRATEGIC -> Patches.strategicMergePatch(kind, target, patch);
        default -> Patches.jsonPatch(target, patch);
      };
      if (!patched.isObject()) {
        throw new BadRequestException("the patch did not produce an object");
      }
      String patchedName = patched.path("metadata").path("name").asText("");
      if (!patchedName.equals(r.name())) {
        throw new BadRequestException("the name of the object (" + patchedName + ") does not match the name on the URL ("
            + r.name() + ")");
      }
      return switch (r.subresource()) {
        case "status" -> writeStatus(r, current, patched);
        case "scale" -> writeScale(r, current, patched);
        default -> {
          checkResourceVersion(r, current, patched.path("metadata").path("resourceVersion").asText(""));
          ((ObjectNode) patched.get("metadata")).remove("resourceVersion");
          yield stored(r, host.api().updateWarned(decode(r, patched), r.dryRun(),
              ApiServer.FieldOwner.updater(fieldManager(r), givenManagedFields(patched))));
        }
      };
    });
  }

  /**
   * Server-side apply ({@code application/apply-patch+yaml}) with field ownership ({@link
   * ManagedFields}): the object is created from the applied configuration when it is not there;
   * otherwise the configuration is merged into it, fields another manager owns with a different
   * value are a Conflict (409) unless {@code force=true}, and the fields the manager applied
   * before, owns alone and leaves out now are removed (and defaulted again). The answer is 201 for
   * a creation, 200 otherwise; an apply that changes nothing writes nothing. Through the {@code
   * status} subresource only the configuration's status is applied and owned.
   */
  private Reply apply(ApiRequest r, JsonNode config) {
    if (r.param("fieldManager").filter(m -> !m.isEmpty()).isEmpty()) {
      throw new InvalidObjectException("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
          + "is required for apply patch", List.of());
    }
    if (!r.subresource().isEmpty() && !r.subresource().equals("status")) {
      throw new BadRequestException("server-side apply of the " + r.subresource() + " subresource is not simulated");
    }
    if (!config.isObject()) {
      throw new BadRequestException("the applied configuration is not an object");
    }
    String appliedName = config.path("metadata").path("name").asText("");
    if (!appliedName.equals(r.name())) {
      throw new BadRequestException("the name of the object (" + appliedName + ") does not match the name on the URL ("
          + r.name() + ")");
    }
    decode(r, config);
    boolean force = r.param("force").map(Boolean::parseBoolean).orElse(false);
    String manager = r.param("fieldManager").orElseThrow();
    if (r.subresource().equals("status")) {
      return host.locked(() -> {
        KubeObject stored = host.api().serverSideApplyStatus(r.kind(), r.namespace(), r.name(), config, manager, force,
            r.dryRun(), tree -> decode(r, tree));
        return stored(r, stored);
      });
    }
    return host.locked(() -> {
      boolean exists = host.api().get(r.kind().kind(), r.namespace(), r.name()).isPresent();
      var written = host.api().serverSideApply(r.kind(), r.namespace(), r.name(), config, manager, force, r.dryRun(),
          merged -> decode(r, merged));
      if (!exists) {
        if (!r.dryRun()) {
          host.reacted();
        }
        return new Reply(201, served(r, written.object()), headers(written.warnings()));
      }
      return stored(r, written);
    });
  }

  private Reply stored(ApiRequest r, KubeObject stored) {
    if (!r.dryRun()) {
      host.reacted();
    }
    return new Reply(200, served(r, stored));
  }

  /** An update's answer with the API server's warnings for the {@code Warning} header. */
  private Reply stored(ApiRequest r, dev.kubesim.impl.apiserver.Written<?> written) {
    Reply reply = stored(r, written.object());
    return new Reply(reply.code(), reply.body(), headers(written.warnings()));
  }

  /**
   * The API server's warnings as {@code Warning} header values ({@code NewWarningHeader}): code 299,
   * agent {@code -}, the text quoted with its quotes and backslashes escaped.
   */
  static List<String> headers(List<String> warnings) {
    return warnings.stream()
        .map(w -> "299 - \"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .toList();
  }

  /** {@code /status}: only the status of the body is taken; the rest stays as stored. */
  private Reply writeStatus(ApiRequest r, KubeObject current, JsonNode body) {
    checkResourceVersion(r, current, body.path("metadata").path("resourceVersion").asText(""));
    ObjectNode tree = encode(r, current);
    if (body.has("status")) {
      tree.set("status", body.get("status"));
    } else {
      tree.remove("status");
    }
    KubeObject object = decode(r, tree);
    if (r.dryRun()) {
      return new Reply(200, served(r, object));
    }
    KubeObject stored = host.api().write(object, ApiServer.FieldOwner.updater(fieldManager(r), "status"));
    host.reacted();
    return new Reply(200, served(r, stored));
  }

  /** {@code /scale}: the Scale's {@code spec.replicas} becomes the object's. */
  private Reply writeScale(ApiRequest r, KubeObject current, JsonNode scale) {
    checkResourceVersion(r, current, scale.path("metadata").path("resourceVersion").asText(""));
    JsonNode replicas = scale.path("spec").path("replicas");
    if (!replicas.isMissingNode() && !replicas.isIntegralNumber()) {
      throw new BadRequestException("Scale in version \"v1\" cannot be handled as a Scale: json: cannot unmarshal "
          + replicas.getNodeType().toString().toLowerCase() + " into Go struct field ScaleSpec.spec.replicas of type int32");
    }
    if (replicas.asInt(0) < 0) {
      throw new KubeSimException("Invalid", 422, "Scale.autoscaling \"" + r.name() + "\" is invalid: spec.replicas: "
          + "Invalid value: " + replicas.asInt() + ": must be greater than or equal to 0",
          List.of(new dev.kubesim.api.StatusCause("spec.replicas", "FieldValueInvalid",
              "Invalid value: " + replicas.asInt() + ": must be greater than or equal to 0")));
    }
    ObjectNode tree = ObjectCodec.encode(current);
    ObjectNode spec = tree.has("spec") && tree.get("spec").isObject() ? (ObjectNode) tree.get("spec") : tree.putObject("spec");
    spec.put("replicas", replicas.asInt(0));
    tree.with("metadata").remove("resourceVersion");
    KubeObject updated = host.api().updateWarned(decode(r, tree), r.dryRun(),
        ApiServer.FieldOwner.updater(fieldManager(r), "scale")).object();
    if (!r.dryRun()) {
      host.reacted();
    }
    return new Reply(200, Scales.of(updated));
  }

  private static void checkResourceVersion(ApiRequest r, KubeObject current, String wanted) {
    if (!wanted.isEmpty() && !wanted.equals(current.metadata().resourceVersion().orElse(""))) {
      throw new ConflictException("Operation cannot be fulfilled on " + r.kind().qualifiedResource() + " \"" + r.name()
          + "\": the object has been modified; please apply your changes to the latest version and try again");
    }
  }

  /**
   * The kinds whose registry answers a delete that removed the object with the object itself
   * ({@code ReturnDeletedObject: true} in their storage, so the OpenAPI document, and the clients
   * generated from it, declare the kind as the delete's answer); the others answer with a Status.
   */
  static final Set<String> RETURNS_DELETED_OBJECT = Set.of("Pod", "PodTemplate", "Service", "ServiceAccount",
      "PersistentVolume", "PersistentVolumeClaim", "ResourceQuota", "StorageClass", "CSIDriver", "CSINode",
      "VolumeAttachment");

  private Reply delete(ApiRequest r) {
    DeleteRequest d = DeleteRequest.of(r);
    return host.locked(() -> {
      KubeObject current = host.api().getOrThrow(r.kind().kind(), r.namespace(), r.name());
      d.checkPreconditions(current, r.kind(), r.name());
      if (r.dryRun()) {
        return new Reply(200, served(r, current));
      }
      ObjectNode removed = served(r, current);
      host.api().delete(r.kind().kind(), r.namespace(), r.name(), d.options(r.kind()));
      host.reacted();
      String uid = current.metadata().uid().orElse("");
      Optional<KubeObject> left = host.api().get(r.kind().kind(), r.namespace(), r.name())
          .filter(o -> o.metadata().uid().orElse("").equals(uid));
      return left.map(o -> new Reply(200, served(r, o)))
          .orElseGet(() -> RETURNS_DELETED_OBJECT.contains(r.kind().kind())
              ? new Reply(200, removed)
              : new Reply(200, StatusObjects.deleted(r.kind(), r.name(), uid)));
    });
  }

  private Reply deleteCollection(ApiRequest r) {
    DeleteRequest d = DeleteRequest.of(r);
    Predicate<Map<String, String>> labels = labelSelector(r);
    FieldSelector fields = fieldSelector(r);
    return host.locked(() -> {
      List<KubeObject> targets = matching(r, labels, fields);
      List<ObjectNode> encoded = new ArrayList<>();
      targets.forEach(o -> encoded.add(served(r, o)));
      ObjectNode list = JSON.objectNode();
      list.put("kind", r.kind().kind() + "List");
      list.put("apiVersion", r.kind().apiVersion());
      ArrayNode items = list.putArray("items");
      for (int i = 0; i < targets.size(); i++) {
        KubeObject o = targets.get(i);
        if (!r.dryRun()) {
          host.api().delete(r.kind().kind(), o.metadata().namespace().orElse(""), o.metadata().nameOrEmpty(), d.options(r.kind()));
        }
        items.add(encoded.get(i));
      }
      if (!r.dryRun()) {
        host.reacted();
      }
      list.putObject("metadata").put("resourceVersion", host.api().store().resourceVersion());
      return new Reply(200, list);
    });
  }

  /** An object as the request's version shows it: stored once, converted per served version. */
  static ObjectNode encode(ApiRequest r, KubeObject o) {
    ObjectNode tree = Conversions.toVersion(ObjectCodec.encode(o), r.kind());
    if (dev.kubesim.impl.codec.KindRegistry.byKind(r.kind().kind()).isEmpty()
        && !tree.path("apiVersion").asText().equals(r.kind().apiVersion())) {
      // a custom kind read in another served version: conversion "None" changes the apiVersion only
      tree.put("apiVersion", r.kind().apiVersion());
    }
    return tree;
  }

  // ---- bodies

  /** The request body as a tree: JSON, or YAML when the client says so. */
  static JsonNode body(ApiRequest r) {
    if (r.body().length == 0) {
      throw new BadRequestException("the body of the request was empty");
    }
    String type = r.contentType();
    if (type.startsWith(ProtobufBodies.PROTOBUF)) {
      Optional<JsonNode> decoded = ProtobufBodies.decode(r.kind(), r.body());
      if (decoded.isPresent()) {
        return decoded.get();
      }
    }
    if (!type.contains("json") && !type.contains("yaml") && !type.equals("*/*")) {
      // Protobuf (what typed clients such as kubectl create deployment send) is decoded only for
      // the kinds ProtobufBodies reads.
      throw new KubeSimException("UnsupportedMediaType", 415, "the body of the request was in an unknown format - "
          + "accepted media types include: application/json, application/yaml");
    }
    try {
      if (r.contentType().contains("yaml")) {
        return YamlBodies.MAPPER.readTree(r.body());
      }
      return ObjectCodec.mapper().readTree(r.body());
    } catch (JsonProcessingException e) {
      throw new BadRequestException("couldn't get version/kind; json parse error: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequestException("couldn't read the request body: " + e.getMessage());
    }
  }

  /**
   * Decodes a body into the resource's kind as the API server does: kind and apiVersion default to
   * the resource's, the namespace to the path's; decoding is strict (unknown fields are refused).
   */
  KubeObject decode(ApiRequest r, JsonNode body) {
    if (!body.isObject()) {
      throw new BadRequestException("json: cannot unmarshal " + body.getNodeType().toString().toLowerCase()
          + " into Go value of type struct");
    }
    KindInfo kind = r.kind();
    ObjectNode tree = ((ObjectNode) body).deepCopy();
    String apiVersion = tree.path("apiVersion").asText("");
    if (!apiVersion.isEmpty() && !apiVersion.equals(kind.apiVersion())) {
      throw new BadRequestException("the API version in the data (" + apiVersion + ") does not match the expected API version ("
          + kind.apiVersion() + ")");
    }
    String k = tree.path("kind").asText("");
    if (!k.isEmpty() && !k.equals(kind.kind())) {
      throw new BadRequestException(kind.kind() + " in version \"" + kind.version() + "\" cannot be handled as a "
          + kind.kind() + ": the kind in the data (" + k + ") does not match the resource's (" + kind.kind() + ")");
    }
    tree.put("apiVersion", kind.apiVersion());
    tree.put("kind", kind.kind());
    JsonNode meta = tree.get("metadata");
    if (meta != null && !meta.isObject()) {
      throw new BadRequestException(kind.kind() + " in version \"" + kind.version() + "\" cannot be handled as a "
          + kind.kind() + ": json: cannot unmarshal " + meta.getNodeType().toString().toLowerCase()
          + " into Go struct field " + kind.kind() + ".metadata of type v1.ObjectMeta");
    }
    ObjectNode metadata = tree.with("metadata");
    // The managed fields are not part of the decoded object: the API server keeps them beside it
    // (the writes take a body's managed fields from the body itself).
    metadata.remove("managedFields");
    if (kind.namespaced() && !r.namespace().isEmpty()) {
      String ns = metadata.path("namespace").asText("");
      if (!ns.isEmpty() && !ns.equals(r.namespace())) {
        throw new BadRequestException("the namespace of the provided object does not match the namespace sent on the request");
      }
      metadata.put("namespace", r.namespace());
    }
    if (!r.name().isEmpty()) {
      String name = metadata.path("name").asText("");
      if (!name.equals(r.name())) {
        throw new BadRequestException("the name of the object (" + name + ") does not match the name on the URL ("
            + r.name() + ")");
      }
    }
    try {
      return ObjectCodec.decode(new Document(BODY_SOURCE, 0, tree), host.api().kinds());
    } catch (BadRequestException e) {
      // The codec words its errors for kubectl's files; the server's own message is what follows the file.
      String prefix = "error when creating \"" + BODY_SOURCE + "\": ";
      String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
      throw new BadRequestException(message);
    }
  }

  /** {@code DeleteOptions} from the body and the query. */
  private record DeleteRequest(Optional<Long> gracePeriodSeconds, Optional<String> propagationPolicy,
      Optional<String> uid, Optional<String> resourceVersion) {

    static DeleteRequest of(ApiRequest r) {
      JsonNode body = r.body().length == 0 ? JSON.objectNode() : body(r);
      Optional<Long> grace = Optional.empty();
      if (body.hasNonNull("gracePeriodSeconds")) {
        grace = Optional.of(body.get("gracePeriodSeconds").asLong());
      } else if (r.param("gracePeriodSeconds").isPresent()) {
        try {
          grace = Optional.of(Long.parseLong(r.param("gracePeriodSeconds").get()));
        } catch (NumberFormatException e) {
          throw new BadRequestException("gracePeriodSeconds: Invalid value: \"" + r.param("gracePeriodSeconds").get() + "\"");
        }
      }
      Optional<String> policy = Optional.ofNullable(body.hasNonNull("propagationPolicy") ? body.get("propagationPolicy").asText() : null)
          .or(() -> r.param("propagationPolicy"));
      if (policy.isEmpty()) {
        boolean orphan = body.hasNonNull("orphanDependents") ? body.get("orphanDependents").asBoolean()
            : r.param("orphanDependents").map(Boolean::parseBoolean).orElse(false);
        boolean given = body.hasNonNull("orphanDependents") || r.param("orphanDependents").isPresent();
        if (given) {
          policy = Optional.of(orphan ? "Orphan" : "Background");
        }
      }
      if (policy.isPresent() && !List.of("Orphan", "Background", "Foreground").contains(policy.get())) {
        throw new KubeSimException("Invalid", 422, "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: "
            + "Unsupported value: \"" + policy.get() + "\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"",
            List.of(new dev.kubesim.api.StatusCause("propagationPolicy", "FieldValueNotSupported",
                "Unsupported value: \"" + policy.get() + "\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")));
      }
      JsonNode pre = body.path("preconditions");
      return new DeleteRequest(grace, policy,
          Optional.ofNullable(pre.hasNonNull("uid") ? pre.get("uid").asText() : null),
          Optional.ofNullable(pre.hasNonNull("resourceVersion") ? pre.get("resourceVersion").asText() : null));
    }

    void checkPreconditions(KubeObject current, KindInfo kind, String name) {
      String uidNow = current.metadata().uid().orElse("");
      if (uid.isPresent() && !uid.get().equals(uidNow)) {
        throw new ConflictException("Operation cannot be fulfilled on " + kind.qualifiedResource() + " \"" + name
            + "\": Precondition failed: UID in precondition: " + uid.get() + ", UID in object meta: " + uidNow);
      }
      String rvNow = current.metadata().resourceVersion().orElse("");
      if (resourceVersion.isPresent() && !resourceVersion.get().equals(rvNow)) {
        throw new ConflictException("Operation cannot be fulfilled on " + kind.qualifiedResource() + " \"" + name
            + "\": Precondition failed: ResourceVersion in precondition: " + resourceVersion.get()
            + ", ResourceVersion in object meta: " + rvNow);
      }
    }

    /**
     * The options for the simulated API server. Without a policy, dependents are deleted in the
     * background, except for a v1 ReplicationController's, which are orphaned for backward
     * compatibility as the real registry does.
     */
    DeleteOptions options(KindInfo kind) {
      String policy = propagationPolicy.orElse(kind.kind().equals("ReplicationController") ? "Orphan" : "Background");
      return new DeleteOptions(gracePeriodSeconds, policy);
    }
  }

  /** The mapper for YAML request bodies, made at the first one: kubectl and the Java clients send JSON. */
  private static final class YamlBodies {
    static final YAMLMapper MAPPER = new YAMLMapper();
  }
}
