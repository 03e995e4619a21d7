package dev.kubesim.impl.storage;

import dev.kubesim.impl.apiserver.ApiServer;

/**
 * The storage side of a kind cluster, started together: kube-controller-manager's PersistentVolume,
 * PVC-protection and PV-protection controllers, and the local-path provisioner.
 */
public final class StorageControllers {
  private StorageControllers() {}

  /** Starts them on the cluster's API server; the provisioner reaches nodes' directories through {@code directories}. */
  public static void start(ApiServer api, NodeDirectories directories) {
    PersistentVolumeController.start(api);
    PvcProtectionController.start(api);
    PvProtectionController.start(api);
    LocalPathProvisioner.start(api, directories);
  }
}
