package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code printPersistentVolume}: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM
 * STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE, and VOLUMEMODE with {@code -o wide}.
 */
public final class PersistentVolumeTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS",
        "VOLUMEATTRIBUTESCLASS", "REASON", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("VOLUMEMODE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    GenericObject pv = (GenericObject) object;
    Map<String, Object> spec = StorageObjects.section(pv, "spec");
    String claim = StorageObjects.claimRef(pv)
        .map(ref -> StorageObjects.str(ref, "namespace") + "/" + StorageObjects.str(ref, "name")).orElse("");
    List<String> row = new ArrayList<>(List.of(pv.metadata().nameOrEmpty(), StorageTables.storage(spec.get("capacity")),
        StorageTables.accessModes(spec.get("accessModes") instanceof List<?> l ? l : List.of()),
        StorageObjects.str(spec, "persistentVolumeReclaimPolicy"), StorageTables.status(pv), claim,
        StorageObjects.volumeClass(pv), StorageTables.attributesClass(spec),
        StorageObjects.str(StorageObjects.section(pv, "status"), "reason"), Cells.age(pv, now)));
    if (wide) {
      row.add(StorageTables.volumeMode(spec));
    }
    return row;
  }
}
