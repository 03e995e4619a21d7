package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.model.Kinds.KindInfo;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The protobuf bodies ({@code application/vnd.kubernetes.protobuf}) that typed clients send: what
 * {@code kubectl create deployment}, {@code create configmap}, {@code autoscale}, {@code drain}'s
 * evictions and the Java clients' typed calls write. A body is the {@code k8s\0} magic and a {@code
 * runtime.Unknown} whose {@code raw} bytes are the object's message; each message is read by its
 * field numbers ({@link ProtoSchema}) into the JSON the same client would have sent. Go's encoder
 * writes a value field even when it holds its zero value, which JSON's {@code omitempty} leaves
 * out: zero scalars are left out here too, except the pointer fields where an explicit zero means
 * something ({@code replicas: 0}). A kind without a message in the schema is refused with 415.
 */
final class ProtobufBodies {
  /** The media type of protobuf bodies. */
  static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final int MAX_DEPTH = 64;

  /** Pointer fields (or required ones) whose zero is a value, not an absence. */
  private static final Set<String> KEEP_ZERO = Set.of("replicas", "parallelism", "completions", "backoffLimit",
      "backoffLimitPerIndex", "maxFailedIndexes", "suspend", "minReplicas", "terminationGracePeriodSeconds",
      "activeDeadlineSeconds", "ttlSecondsAfterFinished", "automountServiceAccountToken", "expirationSeconds",
      "revisionHistoryLimit", "progressDeadlineSeconds", "startingDeadlineSeconds", "successfulJobsHistoryLimit",
      "failedJobsHistoryLimit", "gracePeriodSeconds", "runAsUser", "runAsGroup", "runAsNonRoot", "privileged",
      "readOnlyRootFilesystem", "allowPrivilegeEscalation", "defaultMode", "mode", "optional", "immutable",
      "enableServiceLinks", "shareProcessNamespace", "setHostnameAsFQDN", "allocateLoadBalancerNodePorts",
      "value", "minAvailable", "maxUnavailable", "maxSurge", "fsGroup", "targetCPUUtilizationPercentage",
      "deletionGracePeriodSeconds", "seconds", "initialDelaySeconds", "periodSeconds", "timeoutSeconds",
      "successThreshold", "failureThreshold", "hostUsers", "priority", "orphanDependents");

  /** The protobuf package of each served API group version. */
  private static final Map<String, String> PACKAGES = Map.of(
      "v1", "core.v1",
      "apps/v1", "apps.v1",
      "batch/v1", "batch.v1",
      "networking.k8s.io/v1", "networking.v1",
      "rbac.authorization.k8s.io/v1", "rbac.v1",
      "scheduling.k8s.io/v1", "scheduling.v1",
      "policy/v1", "policy.v1",
      "autoscaling/v1", "autoscaling.v1",
      "authentication.k8s.io/v1", "authentication.v1");

  private ProtobufBodies() {}

  /** The body as JSON, when it is the protobuf of a kind read here; empty otherwise. */
  static Optional<JsonNode> decode(KindInfo kind, byte[] body) {
    if (body.length < MAGIC.length) {
      return Optional.empty();
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (body[i] != MAGIC[i]) {
        throw new BadRequestException("the body of the request is not a protobuf object: no k8s magic number");
      }
    }
    Reader unknown = new Reader(body, MAGIC.length, body.length);
    String apiVersion = "";
    String kindName = "";
    Reader raw = null;
    while (unknown.more()) {
      int tag = unknown.tag();
      if (tag == field(1, 2)) {
        Reader typeMeta = unknown.message();
        while (typeMeta.more()) {
          int t = typeMeta.tag();
          if (t == field(1, 2)) {
            apiVersion = typeMeta.string();
          } else if (t == field(2, 2)) {
            kindName = typeMeta.string();
          } else {
            typeMeta.skip(t);
          }
        }
      } else if (tag == field(2, 2)) {
        raw = unknown.message();
      } else {
        unknown.skip(tag);
      }
    }
    String version = apiVersion.isEmpty() ? kind.apiVersion() : apiVersion;
    String name = kindName.isEmpty() ? kind.kind() : kindName;
    String pkg = PACKAGES.get(version);
    String message = (name.equals("DeleteOptions") ? "meta.v1" : pkg) + "." + name;
    if (pkg == null && !name.equals("DeleteOptions") || ProtoSchema.get().message(message).isEmpty()) {
      return Optional.empty();
    }
    ObjectNode object = JSON.objectNode();
    object.put("apiVersion", version);
    object.put("kind", name);
    if (raw != null) {
      object.setAll(message(message, raw, 0));
    }
    return Optional.of(object);
  }

  /** A message as the JSON of its fields; unknown field numbers are skipped. */
  private static ObjectNode message(String name, Reader r, int depth) {
    if (depth > MAX_DEPTH) {
      throw new BadRequestException("the body of the request is not valid protobuf: nested too deeply");
    }
    Map<Integer, ProtoSchema.Field> fields = ProtoSchema.get().message(name)
        .orElseThrow(() -> new IllegalStateException("proto-schema.txt has no message " + name));
    ObjectNode out = JSON.objectNode();
    while (r.more()) {
      int tag = r.tag();
      ProtoSchema.Field f = fields.get(tag >>> 3);
      if (f == null) {
        r.skip(tag);
        continue;
      }
      if (f.map()) {
        Reader entry = r.message();
        String key = "";
        JsonNode value = null;
        while (entry.more()) {
          int t = entry.tag();
          if (t >>> 3 == 1) {
            key = entry.string();
          } else if (t >>> 3 == 2) {
            value = value(f, entry, t, depth);
          } else {
            entry.skip(t);
          }
        }
        out.with(f.jsonName()).set(key, value == null ? zero(f) : value);
      } else if (f.repeated() && (tag & 7) == 2 && packable(f.type())) {
        Reader packed = r.message();
        while (packed.more()) {
          out.withArray(f.jsonName()).add(value(f, packed, f.type() == ProtoSchema.Type.DOUBLE ? 1 : 0, depth));
        }
      } else if (f.repeated()) {
        out.withArray(f.jsonName()).add(value(f, r, tag, depth));
      } else if (f.inline()) {
        out.setAll((ObjectNode) value(f, r, tag, depth));
      } else {
        JsonNode value = value(f, r, tag, depth);
        if (value != null && (!isZero(value) || KEEP_ZERO.contains(f.jsonName()))) {
          out.set(f.jsonName(), value);
        }
      }
    }
    return out;
  }

  private static boolean packable(ProtoSchema.Type type) {
    return type == ProtoSchema.Type.BOOL || type == ProtoSchema.Type.INT32 || type == ProtoSchema.Type.INT64
        || type == ProtoSchema.Type.DOUBLE;
  }

  /** One value of a field; null for a time that is the zero time (JSON null, left out). */
  private static JsonNode value(ProtoSchema.Field f, Reader r, int tag, int depth) {
    return switch (f.type()) {
      case STRING -> JSON.textNode(r.string());
      case BYTES -> JSON.textNode(java.util.Base64.getEncoder().encodeToString(r.bytes()));
      case BOOL -> JSON.booleanNode(r.varint() != 0);
      case INT32 -> JSON.numberNode((int) r.varint());
      case INT64 -> JSON.numberNode(r.varint());
      case DOUBLE -> JSON.numberNode(Double.longBitsToDouble((tag & 7) == 1 ? r.fixed64() : r.varint()));
      case MESSAGE -> message(f.message(), r.message(), depth + 1);
      case TIME -> time(r.message());
      case QUANTITY -> JSON.textNode(firstString(r.message()));
      case INTORSTRING -> intOrString(r.message());
      case FIELDSV1 -> fieldsV1(r.message());
    };
  }

  private static JsonNode zero(ProtoSchema.Field f) {
    return switch (f.type()) {
      case BOOL -> JSON.booleanNode(false);
      case INT32, INT64, DOUBLE -> JSON.numberNode(0);
      case MESSAGE -> JSON.objectNode();
      default -> JSON.textNode("");
    };
  }

  private static boolean isZero(JsonNode value) {
    return value.isTextual() && value.asText().isEmpty() || value.isNumber() && value.asDouble() == 0
        || value.isBoolean() && !value.asBoolean();
  }

  /** {@code metav1.Time}: seconds and nanoseconds since the epoch, in JSON RFC 3339 to the second. */
  private static JsonNode time(Reader r) {
    long seconds = 0;
    while (r.more()) {
      int t = r.tag();
      if (t >>> 3 == 1) {
        seconds = r.varint();
      } else {
        r.skip(t);
      }
    }
    return seconds == 0 ? null : JSON.textNode(java.time.Instant.ofEpochSecond(seconds).toString());
  }

  private static String firstString(Reader r) {
    String value = "";
    while (r.more()) {
      int t = r.tag();
      if (t == field(1, 2)) {
        value = r.string();
      } else {
        r.skip(t);
      }
    }
    return value;
  }

  /** {@code intstr.IntOrString}: its type (0 int, 1 string) says which of the two values it holds. */
  private static JsonNode intOrString(Reader r) {
    long type = 0;
    long intVal = 0;
    String strVal = "";
    while (r.more()) {
      int t = r.tag();
      switch (t >>> 3) {
        case 1 -> type = r.varint();
        case 2 -> intVal = (int) r.varint();
        case 3 -> strVal = r.string();
        default -> r.skip(t);
      }
    }
    return type == 1 ? JSON.textNode(strVal) : JSON.numberNode((int) intVal);
  }

  /** {@code metav1.FieldsV1}: its raw bytes are the JSON of the field set. */
  private static JsonNode fieldsV1(Reader r) {
    byte[] raw = new byte[0];
    while (r.more()) {
      int t = r.tag();
      if (t == field(1, 2)) {
        raw = r.bytes();
      } else {
        r.skip(t);
      }
    }
    try {
      return raw.length == 0 ? JSON.objectNode() : dev.kubesim.impl.codec.ObjectCodec.mapper().readTree(raw);
    } catch (java.io.IOException e) {
      throw new BadRequestException("the body of the request is not valid protobuf: managed fields are not JSON");
    }
  }

  private static int field(int number, int wireType) {
    return number << 3 | wireType;
  }

  /** Reads protobuf's wire format from a range of bytes. */
  private static final class Reader {
    private final byte[] bytes;
    private int at;
    private final int end;

    Reader(byte[] bytes, int from, int end) {
      this.bytes = bytes;
      this.at = from;
      this.end = end;
    }

    boolean more() {
      return at < end;
    }

    int tag() {
      return (int) varint();
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at >= end) {
          throw truncated();
        }
        byte b = bytes[at++];
        value |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw truncated();
    }

    Reader message() {
      int length = (int) varint();
      if (length < 0 || at + length > end) {
        throw truncated();
      }
      Reader inner = new Reader(bytes, at, at + length);
      at += length;
      return inner;
    }

    String string() {
      Reader r = message();
      return new String(bytes, r.at, r.end - r.at, StandardCharsets.UTF_8);
    }

    byte[] bytes() {
      Reader r = message();
      return java.util.Arrays.copyOfRange(bytes, r.at, r.end);
    }

    long fixed64() {
      if (at + 8 > end) {
        throw truncated();
      }
      long value = 0;
      for (int i = 7; i >= 0; i--) {
        value = value << 8 | (bytes[at + i] & 0xff);
      }
      at += 8;
      return value;
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0 -> varint();
        case 1 -> at += 8;
        case 2 -> message();
        case 5 -> at += 4;
        default -> throw new BadRequestException("the body of the request is not valid protobuf: wire type " + (tag & 7));
      }
      if (at > end) {
        throw truncated();
      }
    }

    private static BadRequestException truncated() {
      return new BadRequestException("the body of the request is not valid protobuf: it ends inside a field");
    }
  }
}
