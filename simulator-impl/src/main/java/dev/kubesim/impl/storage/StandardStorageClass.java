package dev.kubesim.impl.storage;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * kind's default StorageClass, as its node image installs it ({@code standard}: the local-path
 * provisioner, volumes deleted with their claim, bound once a pod needs them).
 */
public final class StandardStorageClass {
  /** The class's name. */
  public static final String NAME = "standard";

  private StandardStorageClass() {}

  /** Creates the class. */
  public static void install(ApiServer api) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("provisioner", LocalPathProvisioner.NAME);
    content.put("reclaimPolicy", "Delete");
    content.put("volumeBindingMode", "WaitForFirstConsumer");
    ObjectMeta meta = ObjectMeta.builder().name(NAME)
        .annotations(Map.of(StorageObjects.IS_DEFAULT_CLASS, "true")).build();
    api.create(new GenericObject("storage.k8s.io/v1", StorageObjects.STORAGE_CLASS, meta, content));
  }
}
