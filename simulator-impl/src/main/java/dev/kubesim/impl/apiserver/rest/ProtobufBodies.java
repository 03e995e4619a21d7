package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.model.Kinds.KindInfo;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The protobuf bodies ({@code application/vnd.kubernetes.protobuf}) of the few kinds whose typed
 * clients kubectl uses to write them and that the served API reads: the {@code autoscaling/v1}
 * HorizontalPodAutoscaler that {@code kubectl autoscale} posts. A body is the {@code k8s\0} magic
 * and a {@code runtime.Unknown} whose {@code raw} bytes are the object's message; each message is
 * read by its field numbers ({@code generated.proto}) into the JSON the same client would have
 * sent, empty strings left out as JSON's {@code omitempty} leaves them. Other kinds' protobuf bodies
 * are refused with 415, as before.
 */
final class ProtobufBodies {
  /** The media type of protobuf bodies. */
  static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private ProtobufBodies() {}

  /** The body as JSON, when it is the protobuf of a kind read here; empty otherwise. */
  static Optional<JsonNode> decode(KindInfo kind, byte[] body) {
    if (!kind.kind().equals("HorizontalPodAutoscaler") || !kind.apiVersion().equals("autoscaling/v1")
        || body.length < MAGIC.length) {
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
    ObjectNode object = JSON.objectNode();
    object.put("apiVersion", apiVersion.isEmpty() ? kind.apiVersion() : apiVersion);
    object.put("kind", kindName.isEmpty() ? kind.kind() : kindName);
    if (raw == null) {
      return Optional.of(object);
    }
    while (raw.more()) {
      int tag = raw.tag();
      if (tag == field(1, 2)) {
        object.set("metadata", objectMeta(raw.message()));
      } else if (tag == field(2, 2)) {
        object.set("spec", hpaSpec(raw.message()));
      } else if (tag == field(3, 2)) {
        object.set("status", hpaStatus(raw.message()));
      } else {
        raw.skip(tag);
      }
    }
    return Optional.of(object);
  }

  /** {@code ObjectMeta}: what a client sets (names, labels, annotations, finalizers, resourceVersion). */
  private static ObjectNode objectMeta(Reader r) {
    ObjectNode meta = JSON.objectNode();
    while (r.more()) {
      int tag = r.tag();
      switch (tag >>> 3) {
        case 1 -> putString(meta, "name", r.string());
        case 2 -> putString(meta, "generateName", r.string());
        case 3 -> putString(meta, "namespace", r.string());
        case 5 -> putString(meta, "uid", r.string());
        case 6 -> putString(meta, "resourceVersion", r.string());
        case 11, 12 -> {
          Reader entry = r.message();
          String key = "";
          String value = "";
          while (entry.more()) {
            int t = entry.tag();
            if (t == field(1, 2)) {
              key = entry.string();
            } else if (t == field(2, 2)) {
              value = entry.string();
            } else {
              entry.skip(t);
            }
          }
          meta.with(tag >>> 3 == 11 ? "labels" : "annotations").put(key, value);
        }
        case 14 -> meta.withArray("finalizers").add(r.string());
        default -> r.skip(tag);
      }
    }
    return meta;
  }

  /** autoscaling/v1 {@code HorizontalPodAutoscalerSpec}. */
  private static ObjectNode hpaSpec(Reader r) {
    ObjectNode spec = JSON.objectNode();
    while (r.more()) {
      int tag = r.tag();
      switch (tag >>> 3) {
        case 1 -> {
          ObjectNode ref = spec.putObject("scaleTargetRef");
          Reader m = r.message();
          while (m.more()) {
            int t = m.tag();
            switch (t >>> 3) {
              case 1 -> ref.put("kind", m.string());
              case 2 -> ref.put("name", m.string());
              case 3 -> putString(ref, "apiVersion", m.string());
              default -> m.skip(t);
            }
          }
        }
        case 2 -> spec.put("minReplicas", (int) r.varint());
        case 3 -> spec.put("maxReplicas", (int) r.varint());
        case 4 -> spec.put("targetCPUUtilizationPercentage", (int) r.varint());
        default -> r.skip(tag);
      }
    }
    return spec;
  }

  /** autoscaling/v1 {@code HorizontalPodAutoscalerStatus}, without {@code lastScaleTime} (a client sends none). */
  private static ObjectNode hpaStatus(Reader r) {
    ObjectNode status = JSON.objectNode();
    while (r.more()) {
      int tag = r.tag();
      switch (tag >>> 3) {
        case 1 -> status.put("observedGeneration", r.varint());
        case 3 -> status.put("currentReplicas", (int) r.varint());
        case 4 -> status.put("desiredReplicas", (int) r.varint());
        case 5 -> status.put("currentCPUUtilizationPercentage", (int) r.varint());
        default -> r.skip(tag);
      }
    }
    return status;
  }

  private static void putString(ObjectNode node, String name, String value) {
    if (!value.isEmpty()) {
      node.put(name, value);
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
