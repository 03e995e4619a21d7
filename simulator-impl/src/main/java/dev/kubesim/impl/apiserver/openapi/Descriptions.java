package dev.kubesim.impl.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas' descriptions, required fields, enum values and (for kinds kept as generic objects)
 * field types, read from {@code schema-descriptions.yaml} beside this class: kubesim's own short
 * wording, keyed by schema name and field. A field the file does not describe has no description.
 */
final class Descriptions {
  /** One schema's entry. */
  record Entry(Optional<String> description, ImmutableList<String> required, ImmutableMap<String, Field> fields,
      ImmutableMap<String, String> types) {}

  /** One field's entry: its description and enum values. */
  record Field(Optional<String> description, ImmutableList<String> enumValues) {}

  private static final ImmutableMap<String, String> COMMON;
  private static final ImmutableMap<String, Entry> SCHEMAS;

  static {
    JsonNode root;
    try (InputStream in = Descriptions.class.getResourceAsStream("schema-descriptions.yaml")) {
      if (in == null) {
        throw new IllegalStateException("schema-descriptions.yaml is missing");
      }
      root = new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImmutableMap.Builder<String, String> common = ImmutableMap.builder();
    root.path("common").fields().forEachRemaining(e -> common.put(e.getKey(), e.getValue().asText()));
    COMMON = common.build();
    ImmutableMap.Builder<String, Entry> schemas = ImmutableMap.builder();
    root.path("schemas").fields().forEachRemaining(e -> schemas.put(e.getKey(), entry(e.getValue())));
    SCHEMAS = schemas.build();
  }

  private Descriptions() {}

  private static Entry entry(JsonNode node) {
    ImmutableList.Builder<String> required = ImmutableList.builder();
    node.path("required").forEach(r -> required.add(r.asText()));
    ImmutableMap.Builder<String, Field> fields = ImmutableMap.builder();
    ImmutableMap.Builder<String, String> types = ImmutableMap.builder();
    node.path("fields").fields().forEachRemaining(e -> {
      JsonNode f = e.getValue();
      if (f.isTextual()) {
        fields.put(e.getKey(), new Field(Optional.of(f.asText()), ImmutableList.of()));
        return;
      }
      ImmutableList.Builder<String> values = ImmutableList.builder();
      f.path("enum").forEach(v -> values.add(v.asText()));
      fields.put(e.getKey(), new Field(text(f.get("description")), values.build()));
      if (f.has("type")) {
        types.put(e.getKey(), f.get("type").asText());
      }
    });
    return new Entry(text(node.get("description")), required.build(), fields.build(), types.build());
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || node.asText().isEmpty() ? Optional.empty() : Optional.of(node.asText());
  }

  /** The entry of a schema, by its full name. */
  static Optional<Entry> entry(String schema) {
    return Optional.ofNullable(SCHEMAS.get(schema));
  }

  /** A field's entry in a schema. */
  static Optional<Field> field(String schema, String field) {
    return entry(schema).map(e -> e.fields().get(field));
  }

  /** The description every kind's {@code apiVersion}, {@code kind} or {@code metadata} has unless its own. */
  static Optional<String> common(String field) {
    return Optional.ofNullable(COMMON.get(field));
  }

  /** Every schema the file describes, for a test that checks each names a schema and fields kubesim has. */
  static Map<String, Entry> all() {
    return SCHEMAS;
  }
}
