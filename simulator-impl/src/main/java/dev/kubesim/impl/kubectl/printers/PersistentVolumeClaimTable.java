package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code printPersistentVolumeClaim}: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS
 * VOLUMEATTRIBUTESCLASS AGE, and VOLUMEMODE with {@code -o wide}; capacity and access modes are
 * the bound volume's, from the claim's status.
 */
public final class PersistentVolumeClaimTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE");
  }

  @Override
  public List<String> wideHeaders() {
    return List.of("VOLUMEMODE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    GenericObject pvc = (GenericObject) object;
    Map<String, Object> spec = StorageObjects.section(pvc, "spec");
    Map<String, Object> status = StorageObjects.section(pvc, "status");
    String capacity = "";
    String modes = "";
    if (!StorageObjects.volumeName(pvc).isEmpty()) {
      capacity = StorageTables.storage(status.get("capacity"));
      modes = StorageTables.accessModes(status.get("accessModes") instanceof List<?> l ? l : List.of());
    }
    List<String> row = new ArrayList<>(List.of(pvc.metadata().nameOrEmpty(), StorageTables.status(pvc),
        StorageObjects.volumeName(pvc), capacity, modes, StorageObjects.claimClass(pvc), StorageTables.attributesClass(spec),
        Cells.age(pvc, now)));
    if (wide) {
      row.add(StorageTables.volumeMode(spec));
    }
    return row;
  }
}
