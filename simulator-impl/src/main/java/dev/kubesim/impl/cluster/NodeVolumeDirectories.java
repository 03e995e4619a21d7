package dev.kubesim.impl.cluster;

import dev.kubesim.impl.kubelet.Kubelet;
import dev.kubesim.impl.program.FsException;
import dev.kubesim.impl.storage.NodeDirectories;
import java.util.Optional;
import java.util.function.Function;

/** Volume directories on the nodes' own filesystems, which the kubelets hold. */
final class NodeVolumeDirectories implements NodeDirectories {
  private final Function<String, Optional<Kubelet>> kubelets;

  NodeVolumeDirectories(Function<String, Optional<Kubelet>> kubelets) {
    this.kubelets = kubelets;
  }

  @Override
  public void create(String node, String path) {
    Kubelet kubelet = kubelets.apply(node).orElse(null);
    if (kubelet == null) {
      return;
    }
    try {
      kubelet.nodeFilesystem().mkdirs(path);
    } catch (FsException e) {
      // a file in the way: the hostPath mount's DirectoryOrCreate reports it when a pod starts
    }
  }

  @Override
  public void delete(String node, String path) {
    Kubelet kubelet = kubelets.apply(node).orElse(null);
    if (kubelet == null || !kubelet.nodeFilesystem().exists(path)) {
      return;
    }
    try {
      kubelet.nodeFilesystem().removeRecursively(path);
    } catch (FsException e) {
      // rm -rf leaves what it cannot remove
    }
  }
}
