package dev.kubesim.impl.apiserver.validation;

import com.google.common.collect.Ordering;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The pieces of apimachinery's {@code ValidateObjectMeta} that kubesim needs: name and
 * generateName, namespace, labels and annotations. Paths are supplied by the caller (normally
 * {@code FieldPath.root("metadata")} and its children), and errors come back in apimachinery's
 * order and wording.
 *
 * <p>Go iterates maps in random order; here labels and annotations are visited in sorted key order
 * so that the same object always yields the same error list.
 */
public final class MetadataValidation {
  /** The total size limit of all annotation keys and values, in bytes (256 KiB). */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

  private MetadataValidation() {}

  /**
   * The name rules of {@code ValidateObjectMetaAccessor}: a non-empty {@code generateName} is
   * checked with {@code nameFn} as a prefix ({@code metadata.generateName: Invalid value: ...});
   * an empty {@code name} gives {@code metadata.name: Required value: name or generateName is
   * required}; otherwise each problem gives {@code metadata.name: Invalid value: "MyService": msg}.
   * Call this after any name generation, as the API server does.
   *
   * @param name the object's name; null is treated as empty
   * @param generateName the object's generateName; null is treated as empty
   */
  public static List<FieldError> validateName(
      String name, String generateName, NameValidator nameFn, FieldPath metadataPath) {
    List<FieldError> errs = new ArrayList<>();
    String gen = generateName == null ? "" : generateName;
    String n = name == null ? "" : name;
    if (!gen.isEmpty()) {
      errs.addAll(
          FieldError.invalidEach(metadataPath.child("generateName"), gen, nameFn.validate(gen, true)));
    }
    if (n.isEmpty()) {
      errs.add(FieldError.required(metadataPath.child("name"), "name or generateName is required"));
    } else {
      errs.addAll(FieldError.invalidEach(metadataPath.child("name"), n, nameFn.validate(n, false)));
    }
    return errs;
  }

  /**
   * The namespace rules: a namespaced kind requires a namespace that is an RFC 1123 label; a
   * cluster-scoped kind must not have one ({@code metadata.namespace: Forbidden: not allowed on
   * this type}).
   *
   * @param namespace the object's namespace; null is treated as empty
   */
  public static List<FieldError> validateNamespace(
      String namespace, boolean namespaced, FieldPath metadataPath) {
    String ns = namespace == null ? "" : namespace;
    FieldPath path = metadataPath.child("namespace");
    if (namespaced) {
      if (ns.isEmpty()) {
        return List.of(FieldError.required(path, ""));
      }
      return FieldError.invalidEach(path, ns, NameValidator.DNS_LABEL.validate(ns, false));
    }
    if (!ns.isEmpty()) {
      return List.of(FieldError.forbidden(path, "not allowed on this type"));
    }
    return List.of();
  }

  /**
   * {@code ValidateLabels}: every key must be a qualified name and every value a valid label value.
   * Both kinds of error are reported at the map's own path (e.g. {@code metadata.labels}), not at
   * the key, with the bad key or bad value as the value shown.
   */
  public static List<FieldError> validateLabels(Map<String, String> labels, FieldPath labelsPath) {
    List<FieldError> errs = new ArrayList<>();
    if (labels == null) {
      return errs;
    }
    for (Map.Entry<String, String> e : byKey(labels).entrySet()) {
      errs.addAll(validateLabelName(e.getKey(), labelsPath));
      String value = e.getValue() == null ? "" : e.getValue();
      errs.addAll(FieldError.invalidEach(labelsPath, value, LabelNames.isValidLabelValue(value)));
    }
    return errs;
  }

  /** The map in key order (errors are reported so): as is when it is sorted by key already, as stored metadata is. */
  private static Map<String, String> byKey(Map<String, String> map) {
    if (map.isEmpty()) {
      return map;
    }
    if (map instanceof SortedMap<String, String> sorted
        && (sorted.comparator() == null || sorted.comparator().equals(Ordering.natural()))) {
      return map;
    }
    return new TreeMap<>(map);
  }

  /** {@code ValidateLabelName}: the key must be a qualified name. */
  public static List<FieldError> validateLabelName(String labelName, FieldPath path) {
    return FieldError.invalidEach(path, labelName, LabelNames.isQualifiedName(labelName));
  }

  /**
   * {@code ValidateAnnotations}: every key must be a qualified name, ignoring case (the key is
   * lower-cased before checking but shown as given), reported at the map's path; and keys plus
   * values together may not exceed 256 KiB ({@code Too long: may not be more than 262144 bytes}).
   */
  public static List<FieldError> validateAnnotations(
      Map<String, String> annotations, FieldPath annotationsPath) {
    List<FieldError> errs = new ArrayList<>();
    if (annotations == null) {
      return errs;
    }
    long totalSize = 0;
    for (Map.Entry<String, String> e : byKey(annotations).entrySet()) {
      String key = e.getKey();
      errs.addAll(
          FieldError.invalidEach(
              annotationsPath, key, LabelNames.isQualifiedName(key.toLowerCase(Locale.ROOT))));
      totalSize += ValidationMessages.byteLength(key);
      totalSize += e.getValue() == null ? 0 : ValidationMessages.byteLength(e.getValue());
    }
    if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
      errs.add(FieldError.tooLong(annotationsPath, "", TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
    }
    return errs;
  }
}
