package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.api.model.EnvVar;
import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import dev.kubesim.impl.apiserver.validation.LabelNames;
import dev.kubesim.impl.apiserver.validation.ValidationMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Core validation's {@code ValidateEnv} and {@code ValidateEnvFrom}: variable names, and the
 * {@code valueFrom} sources (downward API field and resource references, ConfigMap and Secret key
 * selectors).
 */
final class EnvValidation {
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final Set<String> ENV_FIELD_PATHS =
      Set.of(
          "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
          "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");
  private static final Set<String> DOWNWARD_LABELS =
      Set.of(
          "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid",
          "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName", "status.phase",
          "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");
  private static final List<String> RESOURCE_FIELD_PATHS =
      List.of("limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory");

  private EnvValidation() {}

  static List<FieldError> validateEnv(List<EnvVar> env, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < env.size(); i++) {
      EnvVar e = env.get(i);
      FieldPath idx = path.index(i);
      String name = e.name().orElse("");
      if (name.isEmpty()) {
        errs.add(FieldError.required(idx.child("name"), ""));
      } else {
        errs.addAll(FieldError.invalidEach(idx.child("name"), name, relaxedEnvVarName(name)));
      }
      errs.addAll(validateValueFrom(e, idx.child("valueFrom")));
    }
    return errs;
  }

  /** {@code IsRelaxedEnvVarName} (RelaxedEnvironmentVariableValidation is on in 1.33+). */
  private static List<String> relaxedEnvVarName(String value) {
    List<String> errs = new ArrayList<>();
    if (value.isEmpty()) {
      errs.add("environment variable name " + ValidationMessages.emptyError());
    }
    for (int i = 0; i < value.length(); i++) {
      char r = value.charAt(i);
      if (r > 0x7f || r < 0x20 || r == 0x7f || r == '=') {
        errs.add("a valid environment variable name must consist only of printable ASCII characters other than '='");
        break;
      }
    }
    return errs;
  }

  private static List<FieldError> validateValueFrom(EnvVar e, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Optional<Map<String, Object>> from = e.valueFrom().flatMap(Generic::map);
    if (e.valueFrom().isEmpty()) {
      return errs;
    }
    Map<String, Object> f = from.orElse(Map.of());
    int sources = 0;
    Optional<Map<String, Object>> fieldRef = Generic.map(f, "fieldRef");
    if (fieldRef.isPresent()) {
      sources++;
      errs.addAll(validateFieldRef(fieldRef.get(), path.child("fieldRef")));
    }
    Optional<Map<String, Object>> resourceRef = Generic.map(f, "resourceFieldRef");
    if (resourceRef.isPresent()) {
      sources++;
      String resource = Generic.str(resourceRef.get(), "resource");
      FieldPath rp = path.child("resourceFieldRef");
      if (resource.isEmpty()) {
        errs.add(FieldError.required(rp.child("resource"), ""));
      } else if (!RESOURCE_FIELD_PATHS.contains(resource)
          && !resource.startsWith("requests.hugepages-")
          && !resource.startsWith("limits.hugepages-")) {
        errs.add(FieldError.notSupported(rp.child("resource"), resource, RESOURCE_FIELD_PATHS));
      }
    }
    for (String kind : List.of("configMapKeyRef", "secretKeyRef")) {
      Optional<Map<String, Object>> ref = Generic.map(f, kind);
      if (ref.isPresent()) {
        sources++;
        errs.addAll(validateKeySelector(ref.get(), path.child(kind)));
      }
    }
    if (sources == 0) {
      errs.add(FieldError.invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
    } else if (!e.value().orElse("").isEmpty()) {
      errs.add(FieldError.invalid(path, "", "may not be specified when `value` is not empty"));
    } else if (sources > 1) {
      errs.add(FieldError.invalid(path, "", "may not have more than one field specified at a time"));
    }
    return errs;
  }

  /** {@code validateObjectFieldSelector} for env vars. */
  private static List<FieldError> validateFieldRef(Map<String, Object> ref, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    String apiVersion = Generic.str(ref, "apiVersion");
    String fieldPath = Generic.str(ref, "fieldPath");
    if (apiVersion.isEmpty()) {
      errs.add(FieldError.required(path.child("apiVersion"), ""));
      return errs;
    }
    if (fieldPath.isEmpty()) {
      errs.add(FieldError.required(path.child("fieldPath"), ""));
      return errs;
    }
    // podshelper.ConvertDownwardAPIFieldLabel
    String error = null;
    String[] subscripted = splitSubscript(fieldPath);
    String converted = fieldPath;
    if (!apiVersion.equals("v1")) {
      error = "unsupported pod version: " + apiVersion;
    } else if (subscripted != null) {
      if (!subscripted[0].equals("metadata.annotations") && !subscripted[0].equals("metadata.labels")) {
        error = "field label does not support subscript: " + fieldPath;
      }
    } else if (fieldPath.equals("spec.host")) {
      converted = "spec.nodeName";
    } else if (!DOWNWARD_LABELS.contains(fieldPath)) {
      error = "field label not supported: " + fieldPath;
    }
    if (error != null) {
      errs.add(FieldError.invalid(path.child("fieldPath"), fieldPath, "error converting fieldPath: " + error));
      return errs;
    }
    if (subscripted != null) {
      String key = subscripted[0].equals("metadata.annotations") ? subscripted[1].toLowerCase(java.util.Locale.ROOT) : subscripted[1];
      errs.addAll(FieldError.invalidEach(path, key, LabelNames.isQualifiedName(key)));
    } else if (!ENV_FIELD_PATHS.contains(converted)) {
      errs.add(FieldError.notSupported(path.child("fieldPath"), converted, ENV_FIELD_PATHS.stream().sorted().toList()));
    }
    return errs;
  }

  /** {@code fieldpath.SplitMaybeSubscriptedPath}: {@code metadata.labels['app']} to path and key. */
  private static String[] splitSubscript(String fieldPath) {
    if (!fieldPath.endsWith("']")) {
      return null;
    }
    String s = fieldPath.substring(0, fieldPath.length() - 2);
    int open = s.indexOf("['");
    if (open < 0) {
      return null;
    }
    return new String[] {s.substring(0, open), s.substring(open + 2)};
  }

  private static List<FieldError> validateKeySelector(Map<String, Object> ref, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    String name = Generic.str(ref, "name");
    errs.addAll(FieldError.invalidEach(path.child("name"), name, DnsNames.isDNS1123Subdomain(name)));
    String key = Generic.str(ref, "key");
    if (key.isEmpty()) {
      errs.add(FieldError.required(path.child("key"), ""));
    } else {
      errs.addAll(FieldError.invalidEach(path.child("key"), key, configMapKey(key)));
    }
    return errs;
  }

  /** {@code IsConfigMapKey}. */
  private static List<String> configMapKey(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DnsNames.DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(ValidationMessages.maxLenError(DnsNames.DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!CONFIG_MAP_KEY.matcher(value).matches()) {
      errs.add(ValidationMessages.regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
          "[-._a-zA-Z0-9]+", "key.name", "KEY_NAME", "key-name"));
    }
    if (value.equals(".")) {
      errs.add("must not be '.'");
    } else if (value.equals("..")) {
      errs.add("must not be '..'");
    } else if (value.startsWith("..")) {
      errs.add("must not start with '..'");
    }
    return errs;
  }

  static List<FieldError> validateEnvFrom(List<Object> envFrom, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < envFrom.size(); i++) {
      FieldPath idx = path.index(i);
      Map<String, Object> ev = Generic.map(envFrom.get(i)).orElse(Map.of());
      String prefix = Generic.str(ev, "prefix");
      if (!prefix.isEmpty()) {
        errs.addAll(FieldError.invalidEach(idx.child("prefix"), prefix, relaxedEnvVarName(prefix)));
      }
      int sources = 0;
      for (String kind : List.of("configMapRef", "secretRef")) {
        Optional<Map<String, Object>> ref = Generic.map(ev, kind);
        if (ref.isPresent()) {
          sources++;
          String name = Generic.str(ref.get(), "name");
          if (name.isEmpty()) {
            errs.add(FieldError.required(idx.child(kind, "name"), ""));
          } else {
            errs.addAll(FieldError.invalidEach(idx.child(kind, "name"), name, DnsNames.isDNS1123Subdomain(name)));
          }
        }
      }
      if (sources == 0) {
        errs.add(FieldError.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
      } else if (sources > 1) {
        errs.add(FieldError.invalid(path, "", "may not have more than one field specified at a time"));
      }
    }
    return errs;
  }
}
