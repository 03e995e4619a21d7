package dev.kubesim.impl.kubectl.printers;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code printStorageClass}: NAME (with {@code  (default)} after the default class's name)
 * PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE.
 */
public final class StorageClassTable implements TablePrinter {
  @Override
  public List<String> headers() {
    return List.of("NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE");
  }

  @Override
  public List<String> row(KubeObject object, Instant now, boolean wide) {
    GenericObject sc = (GenericObject) object;
    Map<String, Object> c = sc.content();
    String name = sc.metadata().nameOrEmpty() + (StorageObjects.isDefaultClass(sc) ? " (default)" : "");
    String reclaim = StorageObjects.str(c, "reclaimPolicy");
    String mode = StorageObjects.str(c, "volumeBindingMode");
    return List.of(name, StorageObjects.str(c, "provisioner"), reclaim.isEmpty() ? "Delete" : reclaim,
        mode.isEmpty() ? "Immediate" : mode, String.valueOf(Boolean.TRUE.equals(c.get("allowVolumeExpansion"))),
        Cells.age(sc, now));
  }
}
