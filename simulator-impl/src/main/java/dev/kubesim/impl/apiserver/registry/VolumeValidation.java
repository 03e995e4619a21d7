package dev.kubesim.impl.apiserver.registry;

import dev.kubesim.impl.apiserver.validation.DnsNames;
import dev.kubesim.impl.apiserver.validation.FieldError;
import dev.kubesim.impl.apiserver.validation.FieldPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Core validation's {@code ValidateVolumes} and {@code ValidateVolumeMounts} over the raw volume
 * and mount maps, and {@code validateLocalDescendingPath} for sub-paths and profile paths.
 */
final class VolumeValidation {
  private VolumeValidation() {}

  static List<FieldError> validateVolumes(List<Object> volumes, FieldPath path, Set<String> names) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < volumes.size(); i++) {
      FieldPath idx = path.index(i);
      Map<String, Object> v = Generic.map(volumes.get(i)).orElse(Map.of());
      String name = Generic.str(v, "name");
      List<FieldError> el = new ArrayList<>();
      int sources = 0;
      for (String key : v.keySet()) {
        if (key.equals("name")) {
          continue;
        }
        if (sources++ > 0) {
          el.add(FieldError.forbidden(idx.child(key), "may not specify more than 1 volume type"));
        }
      }
      if (sources == 0) {
        el.add(FieldError.required(idx, "must specify a volume type"));
      }
      if (name.isEmpty()) {
        el.add(FieldError.required(idx.child("name"), ""));
      } else {
        el.addAll(FieldError.invalidEach(idx.child("name"), name, DnsNames.isDNS1123Label(name)));
      }
      if (names.contains(name)) {
        el.add(FieldError.duplicate(idx.child("name"), name));
      }
      // Only a valid volume can be mounted: an invalid one is reported and left out.
      if (el.isEmpty()) {
        names.add(name);
      } else {
        errs.addAll(el);
      }
    }
    return errs;
  }

  static List<FieldError> validateVolumeMounts(List<Object> mounts, Set<String> volumes, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> mountPoints = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      FieldPath idx = path.index(i);
      Map<String, Object> m = Generic.map(mounts.get(i)).orElse(Map.of());
      String name = Generic.str(m, "name");
      String mountPath = Generic.str(m, "mountPath");
      if (name.isEmpty()) {
        errs.add(FieldError.required(idx.child("name"), ""));
      }
      if (!volumes.contains(name)) {
        errs.add(FieldError.notFound(idx.child("name"), name));
      }
      if (mountPath.isEmpty()) {
        errs.add(FieldError.required(idx.child("mountPath"), ""));
      }
      if (!mountPoints.add(mountPath)) {
        errs.add(FieldError.invalid(idx.child("mountPath"), mountPath, "must be unique"));
      }
      String subPath = Generic.str(m, "subPath");
      String subPathExpr = Generic.str(m, "subPathExpr");
      // Upstream reports these at volumeMounts.subPath, without the index.
      if (!subPath.isEmpty()) {
        errs.addAll(validateLocalDescendingPath(subPath, path.child("subPath")));
      }
      if (!subPathExpr.isEmpty()) {
        if (!subPath.isEmpty()) {
          errs.add(FieldError.invalid(idx.child("subPathExpr"), subPathExpr, "subPathExpr and subPath are mutually exclusive"));
        }
        errs.addAll(validateLocalDescendingPath(subPathExpr, path.child("subPathExpr")));
      }
    }
    return errs;
  }

  static List<FieldError> validateLocalDescendingPath(String target, FieldPath path) {
    List<FieldError> errs = new ArrayList<>();
    if (target.startsWith("/")) {
      errs.add(FieldError.invalid(path, target, "must be a relative path"));
    }
    for (String part : target.split("/", -1)) {
      if (part.equals("..")) {
        errs.add(FieldError.invalid(path, target, "must not contain '..'"));
        break;
      }
    }
    return errs;
  }
}
