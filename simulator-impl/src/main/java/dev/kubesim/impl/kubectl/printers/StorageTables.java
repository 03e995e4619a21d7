package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the storage tables share: {@code GetAccessModesAsString} and the Terminating status. */
final class StorageTables {
  private StorageTables() {}

  /** {@code RWO,ROX,RWX,RWOP}: each mode present, in that order, whatever order they were written in. */
  static String accessModes(List<?> modes) {
    List<String> out = new ArrayList<>();
    if (modes.contains("ReadWriteOnce")) {
      out.add("RWO");
    }
    if (modes.contains("ReadOnlyMany")) {
      out.add("ROX");
    }
    if (modes.contains("ReadWriteMany")) {
      out.add("RWX");
    }
    if (modes.contains("ReadWriteOncePod")) {
      out.add("RWOP");
    }
    return String.join(",", out);
  }

  /** The phase, or {@code Terminating} once the object is being deleted. */
  static String status(GenericObject o) {
    return o.metadata().deletionTimestamp().isPresent() ? "Terminating" : StorageObjects.phase(o);
  }

  /** The {@code storage} entry of a resource list, as written, or {@code ""}. */
  static String storage(Object resources) {
    Object v = StorageObjects.map(resources).get("storage");
    return v == null ? "" : String.valueOf(v);
  }

  /** {@code spec.volumeAttributesClassName}, or {@code <unset>}. */
  static String attributesClass(Map<String, Object> spec) {
    String v = StorageObjects.str(spec, "volumeAttributesClassName");
    return v.isEmpty() ? "<unset>" : v;
  }

  static String volumeMode(Map<String, Object> spec) {
    String v = StorageObjects.str(spec, "volumeMode");
    return v.isEmpty() ? "<unset>" : v;
  }
}
