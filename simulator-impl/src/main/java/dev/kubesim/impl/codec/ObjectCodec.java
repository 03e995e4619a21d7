package dev.kubesim.impl.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.Kinds.KindInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns manifest trees into typed API objects and back. Decoding is strict, as {@code kubectl
 * apply} with server-side field validation is: every field the kind does not have is reported
 * ({@code strict decoding error: unknown field "spec.foo"}), and a value of the wrong JSON type is
 * refused rather than coerced, with the API server's wording.
 */
public final class ObjectCodec {
  /** The API server's limit on a request body ({@code MaxRequestBodyBytes}, 3 MiB). */
  public static final long MAX_REQUEST_BYTES = 3L * 1024 * 1024;
  /** etcd's limit on one request ({@code --max-request-bytes}, 1.5 MiB): an object larger is refused. */
  public static final long MAX_STORED_BYTES = 3L * 512 * 1024;

  private ObjectCodec() {}

  /**
   * The mapper used for API objects: absent values and empty collections are omitted. It is made
   * at first use: the common encodes and decodes do not need it ({@link RecordDecoder}).
   */
  public static ObjectMapper mapper() {
    return JacksonBinding.MAPPER;
  }

  /**
   * Decodes one document into its typed object (or a generic one for kinds kubesim does not
   * model).
   *
   * @throws BadRequestException with kubectl's and the API server's wording for an unserved kind,
   *     unknown fields, or values of the wrong type; it names the source
   */
  public static KubeObject decode(Document doc) {
    return decode(doc, BUILT_IN);
  }

  /** A catalogue of the built-in kinds alone, for decoding where no cluster's custom kinds apply. */
  private static final KindCatalog BUILT_IN = new KindCatalog();

  /**
   * Decodes one document into its typed object, or a generic one for kinds kubesim does not model
   * and for the custom kinds of the cluster whose catalogue this is.
   *
   * @param kinds the cluster's kinds: the built-in ones and its established custom kinds
   * @throws BadRequestException as {@link #decode(Document)}
   */
  public static KubeObject decode(Document doc, KindCatalog kinds) {
    if (doc.requestBytes() > MAX_REQUEST_BYTES) {
      // the API server reads at most MaxRequestBodyBytes of a body (limitedReadBody)
      throw new KubeSimException("RequestEntityTooLarge", 413, "error when creating " + doc.describe()
          + ": Request entity too large: limit is " + MAX_REQUEST_BYTES);
    }
    if (doc.requestBytes() > MAX_STORED_BYTES) {
      // etcd refuses it; the API server passes etcd's error on
      throw new KubeSimException("", 500, "error when creating " + doc.describe() + ": etcdserver: request is too large");
    }
    JsonNode tree = doc.tree();
    JsonNode apiVersionNode = tree.get("apiVersion");
    JsonNode kindNode = tree.get("kind");
    List<String> missing = new ArrayList<>();
    if (apiVersionNode == null || !apiVersionNode.isTextual() || apiVersionNode.asText().isEmpty()) {
      missing.add("apiVersion not set");
    }
    if (kindNode == null || !kindNode.isTextual() || kindNode.asText().isEmpty()) {
      missing.add("kind not set");
    }
    if (!missing.isEmpty()) {
      throw new BadRequestException(
          "error validating " + doc.describe() + ": error validating data: " + String.join(", ", missing)
              + "; if you choose to ignore these errors, turn validation off with --validate=false");
    }
    String apiVersion = apiVersionNode.asText();
    String kind = kindNode.asText();
    KindInfo info =
        kinds.lookup(apiVersion, kind)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "resource mapping not found for name: \"" + doc.name() + "\" namespace: \""
                            + doc.namespace() + "\" from " + doc.describe() + ": no matches for kind \""
                            + kind + "\" in version \"" + apiVersion + "\"\nensure CRDs are installed first"));
    Optional<KindCatalog.CustomKind> custom = kinds.custom(info);
    if (custom.isPresent() && custom.get().schema() != null && doc.tree() instanceof ObjectNode object) {
      // strict field validation: what structural pruning would drop is an unknown field
      List<String> unknown = SchemaPruning.prune(object.deepCopy(), custom.get().schema());
      if (!unknown.isEmpty()) {
        List<String> parts = new ArrayList<>();
        for (String f : unknown) {
          parts.add("unknown field \"" + f + "\"");
        }
        throw cannotHandle(doc, info, "strict decoding error: " + String.join(", ", parts));
      }
    }
    if (Conversions.converts(info)) {
      // stored in another version: decoded as the API server stores it
      return decode(new Document(doc.source(), doc.index(), Conversions.toStorage(tree), doc.requestBytes()), info);
    }
    return decode(doc, info);
  }

  private static KubeObject decode(Document doc, KindInfo info) {
    try {
      return (KubeObject) RecordDecoder.decode(doc.tree(), info.type());
    } catch (RecordDecoder.Unsupported e) {
      // not plainly valid: Jackson's binding decodes it and words what is wrong
      return JacksonBinding.decode(doc, info);
    }
  }

  /** The API server's refusal of a document it cannot decode into its kind. */
  static BadRequestException cannotHandle(Document doc, KindInfo info, String detail) {
    return new BadRequestException(
        "error when creating " + doc.describe() + ": " + info.kind() + " in version \"" + info.version()
            + "\" cannot be handled as a " + info.kind() + ": " + detail);
  }

  /** The object as a JSON tree, fields in the API's order, absent and empty values omitted. */
  public static ObjectNode encode(KubeObject object) {
    return encodeValue(object);
  }

  /** Any API value (an object, or a part of one such as a pod template) as a JSON tree, as {@link #encode} writes it. */
  public static ObjectNode encodeValue(Object object) {
    if (object instanceof Record record) {
      try {
        return RecordEncoder.encode(record);
      } catch (RecordDecoder.Unsupported e) {
        // a value only Jackson knows how to write
      }
    }
    return mapper().valueToTree(object);
  }

  /** Converts a tree back into a typed object of the given kind (used for stored copies). */
  public static <T extends KubeObject> T convert(JsonNode tree, Class<T> type) {
    try {
      return RecordDecoder.decode(tree, type);
    } catch (RecordDecoder.Unsupported e) {
      // not plainly valid: Jackson's binding decodes it
    }
    try {
      return mapper().treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot convert stored object: " + e.getOriginalMessage(), e);
    }
  }

  /** The value at a Kubernetes field path ({@code spec.ports[0].port}, {@code metadata.labels[a/b]}). */
  public static Optional<JsonNode> at(JsonNode root, String path) {
    return dev.kubesim.api.FieldPaths.resolve(root, path);
  }
}
