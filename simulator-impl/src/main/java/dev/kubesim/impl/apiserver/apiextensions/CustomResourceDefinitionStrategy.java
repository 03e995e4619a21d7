package dev.kubesim.impl.apiserver.apiextensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.Strategy;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of {@code apiextensions.k8s.io/v1} CustomResourceDefinitions, as apiextensions-apiserver's
 * strategy and validation have them: defaults ({@code singular}, {@code listKind}, {@code
 * conversion}), the status cleared on create and kept on update, and the static checks with their
 * field paths — the name {@code <plural>.<group>}, a group with a dot, the scope, exactly one
 * storage version, DNS-1035 names, a structural schema for every version, defaults that are
 * pruned, valid against their schema and placed where defaults may be, and no {@code
 * uniqueItems}.
 */
public final class CustomResourceDefinitionStrategy extends Strategy<GenericObject> {
  /** The CRD strategy. */
  public CustomResourceDefinitionStrategy() {
    super(GenericObject.class);
  }

  @Override
  public GenericObject defaults(GenericObject crd) {
    ObjectNode tree = Crds.content(crd);
    if (tree.get("spec") instanceof ObjectNode spec) {
      if (spec.get("names") instanceof ObjectNode names) {
        String kind = names.path("kind").asText("");
        if (!kind.isEmpty() && names.path("singular").asText("").isEmpty()) {
          names.put("singular", kind.toLowerCase(Locale.ROOT));
        }
        if (!kind.isEmpty() && names.path("listKind").asText("").isEmpty()) {
          names.put("listKind", kind + "List");
        }
      }
      if (!spec.has("conversion")) {
        spec.putObject("conversion").put("strategy", "None");
      }
    }
    return Crds.withContent(crd, tree);
  }

  @Override
  public GenericObject admit(GenericObject crd, dev.kubesim.impl.apiserver.ApiServer api) {
    // PrepareForCreate: the status is the controllers' to write, the storage version is stored
    ObjectNode tree = Crds.content(crd);
    tree.remove("status");
    ObjectNode status = tree.putObject("status");
    status.putObject("acceptedNames").put("kind", "").put("plural", "");
    String storage = Crds.storageVersion(tree.path("spec"));
    if (!storage.isEmpty()) {
      status.putArray("storedVersions").add(storage);
    } else {
      status.putArray("storedVersions");
    }
    return Crds.withContent(crd, tree);
  }

  @Override
  public GenericObject prepareForUpdate(GenericObject crd, GenericObject old) {
    ObjectNode tree = Crds.content(crd);
    JsonNode oldStatus = Crds.content(old).get("status");
    tree.remove("status");
    if (oldStatus != null) {
      tree.set("status", oldStatus);
    }
    return Crds.withContent(crd, tree);
  }

  @Override
  public List<FieldError> validate(GenericObject crd) {
    List<FieldError> errors = new ArrayList<>();
    ObjectNode tree = Crds.content(crd);
    JsonNode spec = tree.path("spec");
    String group = spec.path("group").asText("");
    JsonNode names = spec.path("names");
    String plural = names.path("plural").asText("");
    String name = crd.metadata().nameOrEmpty();
    if (!name.isEmpty() && !name.equals(plural + "." + group)) {
      errors.add(FieldError.invalid(FieldPath.root("metadata", "name"), name, "must be spec.names.plural+\".\"+spec.group"));
    }
    FieldPath specPath = FieldPath.root("spec");
    if (group.isEmpty()) {
      errors.add(FieldError.required(specPath.child("group"), ""));
    } else if (!DnsNames.isDNS1123Subdomain(group).isEmpty()) {
      errors.add(FieldError.invalid(specPath.child("group"), group, String.join(",", DnsNames.isDNS1123Subdomain(group))));
    } else if (group.split("\\.").length < 2) {
      errors.add(FieldError.invalid(specPath.child("group"), group, "should be a domain with at least one dot"));
    }
    String scope = spec.path("scope").asText("");
    if (scope.isEmpty()) {
      errors.add(FieldError.required(specPath.child("scope"), ""));
    } else if (!scope.equals("Cluster") && !scope.equals("Namespaced")) {
      errors.add(FieldError.notSupported(specPath.child("scope"), scope, List.of("Cluster", "Namespaced")));
    }
    validateVersions(spec.path("versions"), specPath.child("versions"), errors);
    FieldPath namesPath = specPath.child("names");
    for (String required : List.of("plural", "singular", "kind", "listKind")) {
      if (names.path(required).asText("").isEmpty()) {
        errors.add(FieldError.required(namesPath.child(required), ""));
      }
    }
    validateNames(names, namesPath, errors);
    return errors;
  }

  private static void validateVersions(JsonNode versions, FieldPath path, List<FieldError> errors) {
    int storage = 0;
    Set<String> seen = new HashSet<>();
    boolean unique = true;
    for (int i = 0; i < versions.size(); i++) {
      JsonNode v = versions.get(i);
      String vName = v.path("name").asText("");
      if (v.path("storage").asBoolean(false)) {
        storage++;
      }
      if (!seen.add(vName)) {
        unique = false;
      }
      List<String> nameErrors = DnsNames.isDNS1035Label(vName);
      if (!nameErrors.isEmpty()) {
        errors.add(FieldError.invalid(path.index(i).child("name"), vName, String.join(",", nameErrors)));
      }
    }
    if (!unique) {
      errors.add(FieldError.invalid(path, FieldError.OMITTED_VALUE, "must contain unique version names"));
    }
    if (storage != 1) {
      errors.add(FieldError.invalid(path, FieldError.OMITTED_VALUE, "must have exactly one version marked as storage version"));
    }
    for (int i = 0; i < versions.size(); i++) {
      FieldPath schemaPath = path.index(i).child("schema", "openAPIV3Schema");
      JsonNode schema = versions.get(i).path("schema").get("openAPIV3Schema");
      if (schema == null || !schema.isObject()) {
        errors.add(FieldError.required(schemaPath, "schemas are required"));
        continue;
      }
      String type = schema.path("type").asText("");
      if (type.isEmpty()) {
        errors.add(FieldError.required(schemaPath.child("type"), "must not be empty at the root"));
      } else if (!type.equals("object")) {
        errors.add(FieldError.invalid(schemaPath.child("type"), type, "must be object at the root"));
      }
      int before = errors.size();
      structural(schema, schemaPath, errors);
      valueValidationDefaults(schema, schemaPath, errors);
      if (errors.size() == before) {
        errors.addAll(SchemaDefaults.validateDefaults(schemaPath, schema));
      }
      openApiSchema(schema, schemaPath, true, null, false, errors);
    }
  }

  /** Defaults inside allOf/anyOf/oneOf/not, anywhere in the schema, are not structural. */
  private static void valueValidationDefaults(JsonNode schema, FieldPath path, List<FieldError> errors) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode list = schema.get(keyword);
      if (list != null && list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          SchemaDefaults.inValueValidation(path.child(keyword).index(i), list.get(i), errors);
        }
      }
    }
    SchemaDefaults.inValueValidation(path.child("not"), schema.get("not"), errors);
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      properties.fields().forEachRemaining(p ->
          valueValidationDefaults(p.getValue(), path.child("properties").key(p.getKey()), errors));
    }
    valueValidationDefaults(schema.get("items"), path.child("items"), errors);
    valueValidationDefaults(schema.get("additionalProperties"), path.child("additionalProperties"), errors);
  }

  /**
   * The static checks of {@code ValidateCustomResourceDefinitionOpenAPISchema} about defaults and
   * {@code uniqueItems}, node by node in its order: a default where defaults are forbidden (the
   * top-level {@code metadata}, {@code apiVersion}, {@code kind}; {@code additionalProperties}
   * inside metadata), and {@code uniqueItems: true} anywhere (its check is quadratic).
   */
  private static void openApiSchema(JsonNode schema, FieldPath path, boolean root, String forbidden, boolean insideMeta,
      List<FieldError> errors) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    if (schema.has("default") && forbidden != null) {
      errors.add(FieldError.forbidden(path.child("default"), "must not be set " + forbidden));
    }
    if (schema.path("uniqueItems").asBoolean(false)) {
      errors.add(FieldError.forbidden(path.child("uniqueItems"),
          "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      String sub = insideMeta ? "inside additionalProperties applying to object metadata" : forbidden;
      openApiSchema(additional, path.child("additionalProperties"), false, sub, insideMeta, errors);
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
      properties.fields().forEachRemaining(p -> {
        String sub = forbidden;
        boolean meta = insideMeta;
        if ((root || embedded) && META_FIELDS.contains(p.getKey())) {
          meta = true;
          if (root) {
            sub = "in top-level " + p.getKey();
          }
        }
        openApiSchema(p.getValue(), path.child("properties").key(p.getKey()), false, sub, meta, errors);
      });
    }
    openApiSchema(schema.get("not"), path.child("not"), false, forbidden, insideMeta, errors);
    for (String keyword : List.of("allOf", "oneOf", "anyOf")) {
      JsonNode list = schema.get(keyword);
      if (list != null && list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          openApiSchema(list.get(i), path.child(keyword).index(i), false, forbidden, insideMeta, errors);
        }
      }
    }
    openApiSchema(schema.get("items"), path.child("items"), false, forbidden, insideMeta, errors);
    listTypes(schema, path, errors);
  }

  /** The rules of {@code x-kubernetes-list-type} and {@code x-kubernetes-list-map-keys} on one node. */
  private static void listTypes(JsonNode schema, FieldPath path, List<FieldError> errors) {
    String type = schema.path("type").asText("");
    JsonNode listTypeNode = schema.get("x-kubernetes-list-type");
    String listType = listTypeNode == null ? null : listTypeNode.asText("");
    JsonNode items = schema.get("items");
    JsonNode itemSchema = items != null && items.isObject() ? items : null;
    if (listType != null && !type.equals("array")) {
      if (type.isEmpty()) {
        errors.add(FieldError.required(path.child("type"), "must be array if x-kubernetes-list-type is specified"));
      } else {
        errors.add(FieldError.invalid(path.child("type"), type, "must be array if x-kubernetes-list-type is specified"));
      }
    }
    if (listType != null && !List.of("atomic", "set", "map").contains(listType)) {
      errors.add(FieldError.notSupported(path.child("x-kubernetes-list-type"), listType, List.of("atomic", "set", "map")));
    }
    List<String> mapKeys = new ArrayList<>();
    schema.path("x-kubernetes-list-map-keys").forEach(k -> mapKeys.add(k.asText()));
    if (!mapKeys.isEmpty()) {
      if (listType == null) {
        errors.add(FieldError.required(path.child("x-kubernetes-list-type"), "must be map if x-kubernetes-list-map-keys is non-empty"));
      } else if (!listType.equals("map")) {
        errors.add(FieldError.invalid(path.child("x-kubernetes-list-type"), listType,
            "must be map if x-kubernetes-list-map-keys is non-empty"));
      }
    }
    if ("map".equals(listType)) {
      if (mapKeys.isEmpty()) {
        errors.add(FieldError.required(path.child("x-kubernetes-list-map-keys"), "must not be empty if x-kubernetes-list-type is map"));
      }
      if (items == null) {
        errors.add(FieldError.required(path.child("items"), "must have a schema if x-kubernetes-list-type is map"));
      }
      if (itemSchema != null && !itemSchema.path("type").asText("").equals("object")) {
        errors.add(FieldError.invalid(path.child("items", "type"), itemSchema.path("type").asText(""),
            "must be object if parent array's x-kubernetes-list-type is map"));
      }
      if (itemSchema != null && itemSchema.path("type").asText("").equals("object")) {
        List<String> seen = new ArrayList<>();
        for (String k : mapKeys) {
          JsonNode keySchema = itemSchema.path("properties").get(k);
          if (keySchema != null) {
            String keyType = keySchema.path("type").asText("");
            if (keyType.equals("array") || keyType.equals("object")) {
              errors.add(FieldError.invalid(path.child("items", "properties").key(k).child("type"), "object",
                  "must be a scalar type if parent array's x-kubernetes-list-type is map"));
            }
          } else {
            errors.add(FieldError.invalid(path.child("x-kubernetes-list-map-keys"), List.copyOf(mapKeys),
                "entries must all be names of item properties"));
          }
          if (seen.contains(k)) {
            errors.add(FieldError.invalid(path.child("x-kubernetes-list-map-keys"), List.copyOf(mapKeys),
                "must not contain duplicate entries"));
          }
          seen.add(k);
        }
      }
    }
    // validateMapListKeysMapSet: items of set and map lists are not nullable; map keys are required or defaulted
    if (itemSchema != null && ("set".equals(listType) || "map".equals(listType))) {
      if (itemSchema.path("nullable").asBoolean(false)) {
        errors.add(FieldError.forbidden(path.child("items", "nullable"), "cannot be nullable when x-kubernetes-list-type is " + listType));
      }
      if (listType.equals("map")) {
        List<String> required = new ArrayList<>();
        itemSchema.path("required").forEach(r -> required.add(r.asText()));
        for (String k : mapKeys) {
          JsonNode keySchema = itemSchema.path("properties").get(k);
          if (keySchema == null) {
            continue;
          }
          if (!required.contains(k) && !keySchema.has("default")) {
            errors.add(FieldError.required(path.child("items", "properties").key(k).child("default"),
                "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
          }
          if (keySchema.path("nullable").asBoolean(false)) {
            errors.add(FieldError.forbidden(path.child("items", "properties").key(k).child("nullable"),
                "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
          }
        }
      }
    }
  }

  private static final List<String> META_FIELDS = List.of("metadata", "kind", "apiVersion");

  /** Every specified field and array item must have a type (unless it may hold anything). */
  private static void structural(JsonNode schema, FieldPath path, List<FieldError> errors) {
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      properties.fields().forEachRemaining(p -> {
        FieldPath propPath = path.child("properties").key(p.getKey());
        if (needsType(p.getValue())) {
          errors.add(FieldError.required(propPath.child("type"), "must not be empty for specified object fields"));
        }
        structural(p.getValue(), propPath, errors);
      });
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      if (needsType(items)) {
        errors.add(FieldError.required(path.child("items", "type"), "must not be empty for specified array items"));
      }
      structural(items, path.child("items"), errors);
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      if (needsType(additional)) {
        errors.add(FieldError.required(path.child("additionalProperties", "type"), "must not be empty for specified object fields"));
      }
      structural(additional, path.child("additionalProperties"), errors);
    }
  }

  private static boolean needsType(JsonNode schema) {
    return schema.path("type").asText("").isEmpty()
        && !schema.path("x-kubernetes-int-or-string").asBoolean(false)
        && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
  }

  private static void validateNames(JsonNode names, FieldPath path, List<FieldError> errors) {
    for (String field : List.of("plural", "singular")) {
      String value = names.path(field).asText("");
      List<String> e = DnsNames.isDNS1035Label(value);
      if (!value.isEmpty() && !e.isEmpty()) {
        errors.add(FieldError.invalid(path.child(field), value, String.join(",", e)));
      }
    }
    for (String field : List.of("kind", "listKind")) {
      String value = names.path(field).asText("");
      List<String> e = DnsNames.isDNS1035Label(value.toLowerCase(Locale.ROOT));
      if (!value.isEmpty() && !e.isEmpty()) {
        errors.add(FieldError.invalid(path.child(field), value, "may have mixed case, but should otherwise match: " + String.join(",", e)));
      }
    }
    JsonNode shortNames = names.path("shortNames");
    for (int i = 0; i < shortNames.size(); i++) {
      String value = shortNames.get(i).asText("");
      List<String> e = DnsNames.isDNS1035Label(value);
      if (!e.isEmpty()) {
        errors.add(FieldError.invalid(path.child("shortNames").index(i), value, String.join(",", e)));
      }
    }
    String kind = names.path("kind").asText("");
    if (!kind.isEmpty() && kind.equals(names.path("listKind").asText(""))) {
      errors.add(FieldError.invalid(path.child("listKind"), kind, "kind and listKind may not be the same"));
    }
    JsonNode categories = names.path("categories");
    for (int i = 0; i < categories.size(); i++) {
      String value = categories.get(i).asText("");
      List<String> e = DnsNames.isDNS1035Label(value);
      if (!e.isEmpty()) {
        errors.add(FieldError.invalid(path.child("categories").index(i), value, String.join(",", e)));
      }
    }
  }

  @Override
  protected List<FieldError> validateImmutable(GenericObject crd, GenericObject old) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode spec = Crds.content(crd).path("spec");
    JsonNode oldSpec = Crds.content(old).path("spec");
    FieldPath specPath = FieldPath.root("spec");
    if (Crds.established(Crds.content(old))) {
      immutable(spec.path("scope"), oldSpec.path("scope"), specPath.child("scope"), errors);
      immutable(spec.path("names").path("kind"), oldSpec.path("names").path("kind"), specPath.child("names", "kind"), errors);
    }
    immutable(spec.path("group"), oldSpec.path("group"), specPath.child("group"), errors);
    immutable(spec.path("names").path("plural"), oldSpec.path("names").path("plural"), specPath.child("names", "plural"), errors);
    return errors;
  }

  private static void immutable(JsonNode now, JsonNode before, FieldPath path, List<FieldError> errors) {
    if (!now.asText("").equals(before.asText(""))) {
      errors.add(FieldError.invalid(path, now.asText(""), "field is immutable"));
    }
  }
}
