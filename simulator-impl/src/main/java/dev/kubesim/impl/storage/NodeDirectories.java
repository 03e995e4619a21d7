package dev.kubesim.impl.storage;

/**
 * The directories of a node's filesystem, as the local-path provisioner's helper pod reaches them:
 * it makes a volume's directory when it provisions the volume and removes it when it deletes it.
 */
public interface NodeDirectories {
  /** Makes the directory (and its parents) on the node, mode 0777 as the helper's {@code mkdir -m 0777 -p}. */
  void create(String node, String path);

  /** Removes the directory and everything in it from the node, as the helper's {@code rm -rf}. */
  void delete(String node, String path);
}
