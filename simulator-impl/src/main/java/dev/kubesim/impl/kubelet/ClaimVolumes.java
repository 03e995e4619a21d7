package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.ApiServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's view of a {@code persistentVolumeClaim} volume ({@code
 * pkg/kubelet/volumemanager/populator}): the claim, then the PersistentVolume it is bound to, then
 * that volume's directory on the node ({@code hostPath}, or a {@code local} volume's path), mounted
 * as a hostPath volume is. A claim that is missing or not bound fails the mount as the populator
 * words it; a volume of another kind (NFS, CSI, ...) is none of the node's directories.
 */
final class ClaimVolumes {
  private ClaimVolumes() {}

  /**
   * The claim's volume as a {@code hostPath} source ({@code path}, {@code type}), or empty for a
   * volume that is not a directory on the node.
   *
   * @throws MountFailure when the claim does not exist or is not bound
   */
  static Optional<Map<?, ?>> hostPath(ApiServer api, String namespace, String claimName) throws MountFailure {
    String prefix = "error processing PVC " + namespace + "/" + claimName + ": ";
    GenericObject claim = api.get(StorageObjects.PVC, namespace, claimName).map(GenericObject.class::cast)
        .orElseThrow(() -> new MountFailure(prefix + "failed to fetch PVC from API server: persistentvolumeclaims \""
            + claimName + "\" not found"));
    String volumeName = StorageObjects.volumeName(claim);
    if (volumeName.isEmpty() || !StorageObjects.phase(claim).equals("Bound")) {
      throw new MountFailure(prefix + "PVC is not bound");
    }
    GenericObject pv = api.get(StorageObjects.PV, "", volumeName).map(GenericObject.class::cast)
        .orElseThrow(() -> new MountFailure(prefix + "failed to fetch PV " + volumeName + " from API server: persistentvolumes \""
            + volumeName + "\" not found"));
    Map<String, Object> spec = StorageObjects.section(pv, "spec");
    Map<String, Object> host = StorageObjects.map(spec.get("hostPath"));
    if (!host.isEmpty()) {
      return Optional.of(host);
    }
    Map<String, Object> local = StorageObjects.map(spec.get("local"));
    if (!local.isEmpty()) {
      Map<String, Object> asHost = new LinkedHashMap<>();
      asHost.put("path", local.get("path"));
      asHost.put("type", "Directory"); // a local volume's path must exist on the node
      return Optional.of(asHost);
    }
    return Optional.empty();
  }
}
