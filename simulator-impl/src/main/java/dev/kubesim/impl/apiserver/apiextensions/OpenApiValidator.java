package dev.kubesim.impl.apiserver.apiextensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.impl.apiserver.validation.ErrorType;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.GoFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * kube-openapi's schema validator ({@code validate.SchemaValidator}, as vendored by Kubernetes
 * v1.32) over a CRD schema, and apiextensions-apiserver's translation of its result into field
 * errors ({@code kubeOpenAPIResultToFieldErrors}).
 *
 * <p>Each value goes through kube-openapi's validators in their order — type, {@code
 * anyOf}/{@code oneOf}/{@code allOf}/{@code not}, string ({@code maxLength}, else {@code
 * minLength}, else {@code pattern}), {@code format}, number ({@code multipleOf}, {@code minimum},
 * {@code maximum}), array (items, {@code minItems}, {@code maxItems}, {@code uniqueItems}), {@code
 * enum}, object ({@code minProperties}, {@code maxProperties}, {@code additionalProperties},
 * {@code properties}, {@code required}) — and a failing type does not stop the others. Results
 * keep kube-openapi's "match count", which picks the alternative whose errors an {@code anyOf} or
 * {@code oneOf} reports, and drop errors whose message repeats. Where Go iterates a map (the
 * object's properties), fields are taken in the object's own order.
 */
final class OpenApiValidator {
  private enum Code {
    INVALID_TYPE, REQUIRED, TOO_LONG, TOO_SHORT, PATTERN, ENUM, MULTIPLE_OF, MAX, MIN, UNIQUE, MAX_ITEMS, MIN_ITEMS,
    TOO_FEW_PROPERTIES, TOO_MANY_PROPERTIES, MULTIPLE_OF_MUST_BE_POSITIVE,
    /** Not a validation error: the composite messages of anyOf/oneOf/allOf/not. */
    COMPOSITE
  }

  /** One kube-openapi error: its code, the value's path ({@code Name}), value and message. */
  private record Err(Code code, String name, Object value, long valid, List<JsonNode> values, String message) {}

  /** kube-openapi's {@code Result}: errors (deduplicated by message) and the match count. */
  private static final class Result {
    final List<Err> errors = new ArrayList<>();
    int matchCount;

    static Result of(Err e) {
      Result r = new Result();
      r.add(e);
      return r;
    }

    void add(Err e) {
      for (Err seen : errors) {
        if (seen.message().equals(e.message())) {
          return;
        }
      }
      errors.add(e);
    }

    Result merge(Result other) {
      if (other != null) {
        other.errors.forEach(this::add);
        matchCount += other.matchCount;
      }
      return this;
    }

    boolean valid() {
      return errors.isEmpty();
    }
  }

  /** The top-level fields of a resource that the schema does not validate. */
  private static final List<String> ROOT_FIELDS = List.of("apiVersion", "kind", "metadata");

  private final boolean resourceRoot;

  private OpenApiValidator(boolean resourceRoot) {
    this.resourceRoot = resourceRoot;
  }

  /**
   * Validates a value against a schema, as {@code ValidateCustomResource(fldPath, value,
   * validator)} does.
   *
   * @param value the value (a whole custom resource, or a default)
   * @param schema the schema
   * @param fieldPath the field path errors hang under ({@code null} for a custom resource, whose
   *     errors name the value's own path)
   * @param resourceRoot whether the value is a whole resource (its apiVersion, kind and metadata
   *     are not validated by the schema)
   * @return the field errors, in the validator's order
   */
  static List<FieldError> validate(JsonNode value, JsonNode schema, String fieldPath, boolean resourceRoot) {
    Result result = new OpenApiValidator(resourceRoot).validate(value, schema, "");
    return toFieldErrors(fieldPath, result);
  }

  // ---------------------------------------------------------------------------------------------
  // SchemaValidator.Validate

  private Result validate(JsonNode data, JsonNode schema, String path) {
    Result result = new Result();
    if (schema == null || !schema.isObject()) {
      return result;
    }
    List<String> types = types(schema);
    String format = SchemaFormats.effective(types.size() == 1 ? types.get(0) : "", schema.path("format").asText(""));
    if (data == null || data.isNull() || data.isMissingNode()) {
      result.merge(typeCheck(null, types, format, schema, path));
      result.merge(enumCheck(null, schema, path));
      return result;
    }
    if (!types.isEmpty() || !format.isEmpty()) {
      result.merge(typeCheck(data, types, format, schema, path));
      result.matchCount++;
    }
    result.merge(schemaProps(data, schema, path));
    result.matchCount++;
    if (data.isTextual()) {
      result.merge(stringCheck(data.asText(), schema, path));
      result.matchCount++;
      if (SchemaFormats.known(format)) {
        if (!SchemaFormats.validates(format, data.asText())) {
          result.add(invalidType(path, format, data.asText()));
        }
        result.matchCount++;
      }
    }
    if (data.isNumber()) {
      result.merge(numberCheck(data, schema, path));
      result.matchCount++;
    }
    if (data.isArray()) {
      result.merge(sliceCheck(data, schema, path));
      result.matchCount++;
    }
    result.merge(enumCheck(data, schema, path));
    result.matchCount++;
    if (data.isObject()) {
      result.merge(objectCheck(data, schema, path));
      result.matchCount++;
    }
    result.matchCount++;
    return result;
  }

  private static List<String> types(JsonNode schema) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return List.of("integer", "string");
    }
    String type = schema.path("type").asText("");
    return type.isEmpty() ? List.of() : List.of(type);
  }

  // ---------------------------------------------------------------------------------------------
  // typeValidator

  private static Result typeCheck(JsonNode data, List<String> types, String format, JsonNode schema, String path) {
    Result ok = new Result();
    ok.matchCount = 1;
    boolean nullable = schema.path("nullable").asBoolean(false);
    if (data == null) {
      if (!types.isEmpty() && !types.contains("null") && !nullable) {
        return Result.of(invalidType(path, String.join(",", types), "null"));
      }
      return ok;
    }
    String schType = schemaType(data);
    String valueFormat = data.isIntegralNumber() ? "int64" : data.isNumber() ? "float64" : "";
    boolean isFloatInt = schType.equals("number") && isJsonInteger(data.doubleValue()) && types.contains("integer");
    boolean isIntFloat = schType.equals("integer") && types.contains("number");
    boolean stringOrSlice = data.isTextual() || data.isArray();
    if (!stringOrSlice && !format.isEmpty()
        && !(types.contains(schType) || valueFormat.equals(format) || isFloatInt || isIntFloat)) {
      return Result.of(invalidType(path, format, valueFormat));
    }
    if (!(types.contains("number") || types.contains("integer")) && !format.isEmpty() && stringOrSlice) {
      return ok;
    }
    if (!(types.contains(schType) || isFloatInt || isIntFloat)) {
      return Result.of(invalidType(path, String.join(",", types), schType));
    }
    return ok;
  }

  /** The JSON type of a decoded value as kube-openapi names it (floats are {@code number}). */
  static String schemaType(JsonNode data) {
    if (data.isTextual()) {
      return "string";
    }
    if (data.isBoolean()) {
      return "boolean";
    }
    if (data.isIntegralNumber()) {
      return "integer";
    }
    if (data.isNumber()) {
      return "number";
    }
    if (data.isArray()) {
      return "array";
    }
    if (data.isObject()) {
      return "object";
    }
    return "null";
  }

  private static Err invalidType(String path, String typeName, String value) {
    return new Err(Code.INVALID_TYPE, path, value, 0, null,
        path + " in body must be of type " + typeName + ": " + GoFormat.quote(value));
  }

  // ---------------------------------------------------------------------------------------------
  // schemaPropsValidator

  private Result schemaProps(JsonNode data, JsonNode schema, String path) {
    Result main = new Result();
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null && anyOf.isArray() && anyOf.size() > 0) {
      Result best = null;
      Result firstSuccess = null;
      boolean succeeded = false;
      for (JsonNode sub : anyOf) {
        Result r = validate(data, sub, path);
        if (r.valid()) {
          best = null;
          succeeded = true;
          firstSuccess = r;
          break;
        }
        if (best == null || r.matchCount > best.matchCount) {
          best = r;
        }
      }
      if (!succeeded) {
        main.add(composite(GoFormat.quote(path) + " must validate at least one schema (anyOf)"));
      }
      if (best != null) {
        main.merge(best);
      } else if (firstSuccess != null) {
        main.merge(firstSuccess);
      }
    }
    JsonNode oneOf = schema.get("oneOf");
    if (oneOf != null && oneOf.isArray() && oneOf.size() > 0) {
      Result best = null;
      Result firstSuccess = null;
      int validated = 0;
      for (JsonNode sub : oneOf) {
        Result r = validate(data, sub, path);
        if (r.valid()) {
          validated++;
          best = null;
          if (firstSuccess == null) {
            firstSuccess = r;
          }
          continue;
        }
        if (validated == 0 && (best == null || r.matchCount > best.matchCount)) {
          best = r;
        }
      }
      if (validated != 1) {
        String more = validated == 0 ? "Found none valid" : "Found " + validated + " valid alternatives";
        main.add(composite(GoFormat.quote(path) + " must validate one and only one schema (oneOf). " + more));
        if (best != null) {
          main.merge(best);
        }
      } else if (firstSuccess != null) {
        main.merge(firstSuccess);
      }
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray() && allOf.size() > 0) {
      int validated = 0;
      for (JsonNode sub : allOf) {
        Result r = validate(data, sub, path);
        if (r.valid()) {
          validated++;
        }
        main.merge(r);
      }
      if (validated != allOf.size()) {
        String more = validated == 0 ? ". None validated" : "";
        main.add(composite(GoFormat.quote(path) + " must validate all the schemas (allOf)" + more));
      }
    }
    JsonNode not = schema.get("not");
    if (not != null && not.isObject()) {
      if (validate(data, not, path).valid()) {
        main.add(composite(GoFormat.quote(path) + " must not validate the schema (not)"));
      }
    }
    main.matchCount++;
    return main;
  }

  private static Err composite(String message) {
    return new Err(Code.COMPOSITE, "", null, 0, null, message);
  }

  // ---------------------------------------------------------------------------------------------
  // stringValidator

  private static Result stringCheck(String data, JsonNode schema, String path) {
    int length = data.codePointCount(0, data.length());
    JsonNode max = schema.get("maxLength");
    if (max != null && max.isNumber() && length > max.asLong()) {
      return Result.of(new Err(Code.TOO_LONG, path, data, max.asLong(), null,
          path + " in body should be at most " + max.asLong() + " chars long"));
    }
    JsonNode min = schema.get("minLength");
    if (min != null && min.isNumber() && length < min.asLong()) {
      return Result.of(new Err(Code.TOO_SHORT, path, data, min.asLong(), null,
          path + " in body should be at least " + min.asLong() + " chars long"));
    }
    String pattern = schema.path("pattern").asText("");
    if (!pattern.isEmpty()) {
      try {
        if (!Pattern.compile(pattern).matcher(data).find()) {
          return Result.of(new Err(Code.PATTERN, path, data, 0, null, path + " in body should match '" + pattern + "'"));
        }
      } catch (PatternSyntaxException e) {
        return Result.of(new Err(Code.PATTERN, path, data, 0, null,
            path + " in body should match '" + pattern + ", but pattern is invalid: " + e.getDescription() + "'"));
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // numberValidator

  private static Result numberCheck(JsonNode data, JsonNode schema, String path) {
    Result res = new Result();
    boolean integral = data.isIntegralNumber();
    JsonNode multipleOf = schema.get("multipleOf");
    if (multipleOf != null && multipleOf.isNumber()) {
      double factor = multipleOf.doubleValue();
      if (integral) {
        long f = (long) factor;
        if (f <= 0) {
          res.add(new Err(Code.MULTIPLE_OF_MUST_BE_POSITIVE, path, f, 0, null,
              "factor MultipleOf declared for " + path + " must be positive: " + f));
        } else if (data.longValue() % f != 0) {
          res.add(new Err(Code.MULTIPLE_OF, path, data.longValue(), 0, null,
              path + " in body should be a multiple of " + f));
        }
      } else {
        double d = data.doubleValue();
        if (factor <= 0) {
          res.add(new Err(Code.MULTIPLE_OF_MUST_BE_POSITIVE, path, factor, 0, null,
              "factor MultipleOf declared for " + path + " must be positive: " + GoFormat.formatValue(factor)));
        } else {
          double mult = factor < 1 ? 1 / factor * d : d / factor;
          if (!isJsonInteger(mult)) {
            res.add(new Err(Code.MULTIPLE_OF, path, d, 0, null,
                path + " in body should be a multiple of " + GoFormat.formatValue(factor)));
          }
        }
      }
    }
    JsonNode min = schema.get("minimum");
    if (min != null && min.isNumber()) {
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      String bound;
      boolean fails;
      if (integral) {
        long m = (long) min.doubleValue();
        long v = data.longValue();
        fails = exclusive ? v <= m : v < m;
        bound = Long.toString(m);
      } else {
        double m = min.doubleValue();
        double v = data.doubleValue();
        fails = exclusive ? v <= m : v < m;
        bound = GoFormat.formatValue(m);
      }
      if (fails) {
        res.add(new Err(Code.MIN, path, javaValue(data), 0, null,
            path + " in body should be greater than " + (exclusive ? "" : "or equal to ") + bound));
      }
    }
    JsonNode max = schema.get("maximum");
    if (max != null && max.isNumber()) {
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      String bound;
      boolean fails;
      if (integral) {
        long m = (long) max.doubleValue();
        long v = data.longValue();
        fails = exclusive ? v >= m : v > m;
        bound = Long.toString(m);
      } else {
        double m = max.doubleValue();
        double v = data.doubleValue();
        fails = exclusive ? v >= m : v > m;
        bound = GoFormat.formatValue(m);
      }
      if (fails) {
        res.add(new Err(Code.MAX, path, javaValue(data), 0, null,
            path + " in body should be less than " + (exclusive ? "" : "or equal to ") + bound));
      }
    }
    res.matchCount++;
    return res;
  }

  /** go-openapi/swag's {@code IsFloat64AJSONInteger}. */
  static boolean isJsonInteger(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f) || f < -9007199254740991.0 || f > 9007199254740991.0) {
      return false;
    }
    double g = (double) (long) f;
    if (f == g) {
      return true;
    }
    double diff = Math.abs(f - g);
    if (f == 0 || g == 0 || diff < Double.MIN_VALUE) {
      return diff < 1e-9 * Double.MIN_VALUE;
    }
    return diff / Math.min(Math.abs(f) + Math.abs(g), Double.MAX_VALUE) < 1e-9;
  }

  // ---------------------------------------------------------------------------------------------
  // schemaSliceValidator

  private Result sliceCheck(JsonNode data, JsonNode schema, String path) {
    Result result = new Result();
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      for (int i = 0; i < data.size(); i++) {
        result.merge(validate(data.get(i), items, path + "[" + i + "]"));
      }
    }
    long size = data.size();
    JsonNode min = schema.get("minItems");
    if (min != null && min.isNumber() && size < min.asLong()) {
      result.add(new Err(Code.MIN_ITEMS, path, size, min.asLong(), null,
          path + " in body should have at least " + min.asLong() + " items"));
    }
    JsonNode max = schema.get("maxItems");
    if (max != null && max.isNumber() && size > max.asLong()) {
      result.add(new Err(Code.MAX_ITEMS, path, size, max.asLong(), null,
          path + " in body should have at most " + max.asLong() + " items"));
    }
    if (schema.path("uniqueItems").asBoolean(false)) {
      outer:
      for (int i = 0; i < data.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (deepEqual(data.get(i), data.get(j))) {
            result.add(new Err(Code.UNIQUE, path, null, 0, null, path + " in body shouldn't contain duplicates"));
            break outer;
          }
        }
      }
    }
    result.matchCount++;
    return result;
  }

  /** Go's {@code reflect.DeepEqual} over decoded JSON: an int64 never equals a float64. */
  static boolean deepEqual(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    if (a.isNumber() && b.isNumber()) {
      return !a.isIntegralNumber() && !b.isIntegralNumber() && a.doubleValue() == b.doubleValue();
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> it = a.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = b.get(e.getKey());
        if (other == null || !deepEqual(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!deepEqual(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  // ---------------------------------------------------------------------------------------------
  // basicCommonValidator (enum)

  private static Result enumCheck(JsonNode data, JsonNode schema, String path) {
    JsonNode values = schema.get("enum");
    if (values == null || !values.isArray() || values.size() == 0) {
      return null;
    }
    if (data != null) {
      for (JsonNode e : values) {
        if (enumMatches(data, e)) {
          return null;
        }
      }
    }
    List<JsonNode> allowed = new ArrayList<>();
    values.forEach(allowed::add);
    return Result.of(new Err(Code.ENUM, path, data == null ? null : javaValue(data), 0, allowed,
        path + " in body should be one of " + allowed));
  }

  /** Go's {@code ConvertibleTo} + {@code DeepEqual} of a decoded value and an enum value. */
  private static boolean enumMatches(JsonNode data, JsonNode e) {
    if (e.isNull()) {
      return false;
    }
    if (data.isNumber() && e.isNumber()) {
      if (e.isIntegralNumber()) {
        long converted = data.isIntegralNumber() ? data.longValue() : (long) data.doubleValue();
        return converted == e.longValue();
      }
      return data.doubleValue() == e.doubleValue();
    }
    return deepEqual(data, e);
  }

  // ---------------------------------------------------------------------------------------------
  // objectValidator

  private Result objectCheck(JsonNode data, JsonNode schema, String path) {
    Result res = new Result();
    boolean root = resourceRoot && path.isEmpty();
    long numKeys = 0;
    Iterator<String> names = data.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!(root && ROOT_FIELDS.contains(name))) {
        numKeys++;
      }
    }
    JsonNode minProps = schema.get("minProperties");
    if (minProps != null && minProps.isNumber() && numKeys < minProps.asLong()) {
      res.add(new Err(Code.TOO_FEW_PROPERTIES, path, numKeys, minProps.asLong(), null,
          path + " in body should have at least " + minProps.asLong() + " properties"));
    }
    JsonNode maxProps = schema.get("maxProperties");
    if (maxProps != null && maxProps.isNumber() && numKeys > maxProps.asLong()) {
      res.add(new Err(Code.TOO_MANY_PROPERTIES, path, numKeys, maxProps.asLong(), null,
          path + " in body should have at most " + maxProps.asLong() + " properties"));
    }
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if ((root && ROOT_FIELDS.contains(f.getKey())) || (properties != null && properties.has(f.getKey()))) {
          continue;
        }
        res.merge(validate(f.getValue(), additional, path + "." + f.getKey()));
      }
    }
    if (properties != null && properties.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode propSchema = properties.get(f.getKey());
        if (propSchema == null || (root && ROOT_FIELDS.contains(f.getKey()))) {
          continue;
        }
        String name = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
        res.merge(validate(f.getValue(), propSchema, name));
      }
    }
    JsonNode required = schema.get("required");
    if (required != null && required.isArray()) {
      for (JsonNode r : required) {
        if (!data.has(r.asText())) {
          res.add(new Err(Code.REQUIRED, path + "." + r.asText(), null, 0, null,
              path + "." + r.asText() + " in body is required"));
        }
      }
    }
    return res;
  }

  // ---------------------------------------------------------------------------------------------
  // kubeOpenAPIResultToFieldErrors

  private static List<FieldError> toFieldErrors(String fieldPath, Result result) {
    List<FieldError> out = new ArrayList<>();
    String base = fieldPath == null ? "<nil>" : fieldPath;
    for (Err e : result.errors) {
      if (e.code() == Code.COMPOSITE) {
        out.add(new FieldError(ErrorType.INVALID, base, "", e.message()));
        continue;
      }
      String field = base;
      if (!e.name().isEmpty() && !e.name().equals(".")) {
        String name = e.name().startsWith(".") ? e.name().substring(1) : e.name();
        field = fieldPath == null ? name : fieldPath + "." + name;
      }
      Object value = e.value() == null ? "" : e.value();
      switch (e.code()) {
        case REQUIRED:
          out.add(new FieldError(ErrorType.REQUIRED, field, "", ""));
          break;
        case ENUM:
          List<String> allowed = new ArrayList<>();
          for (JsonNode v : e.values()) {
            allowed.add(v.isTextual() ? v.asText() : GoFormat.toJson(v));
          }
          StringBuilder detail = new StringBuilder();
          for (String a : allowed) {
            detail.append(detail.length() == 0 ? "supported values: " : ", ").append(GoFormat.quote(a));
          }
          out.add(new FieldError(ErrorType.NOT_SUPPORTED, field, e.value(), detail.toString()));
          break;
        case TOO_LONG:
          long max = e.valid();
          out.add(new FieldError(ErrorType.TOO_LONG, field, "<value omitted>",
              "may not be more than " + max + (max == 1 ? " byte" : " bytes")));
          break;
        case MAX_ITEMS:
        case TOO_MANY_PROPERTIES:
          long most = e.valid();
          out.add(new FieldError(ErrorType.TOO_MANY, field, ((Long) e.value()).intValue(),
              "must have at most " + most + (most == 1 ? " item" : " items")));
          break;
        case INVALID_TYPE:
          out.add(new FieldError(ErrorType.TYPE_INVALID, field, value, e.message()));
          break;
        default:
          out.add(new FieldError(ErrorType.INVALID, field, value, e.message()));
      }
    }
    return out;
  }

  /** A decoded JSON value as the Go value its error shows: int64, float64, string, bool or JSON. */
  static Object javaValue(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNull()) {
      return null;
    }
    return value;
  }
}
