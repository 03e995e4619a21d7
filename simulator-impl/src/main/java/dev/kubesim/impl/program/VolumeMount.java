package dev.kubesim.impl.program;

import java.util.Objects;

/**
 * One of a container's {@code volumeMounts} as the runtime performs it: the pod's volume (a tree
 * shared by the pod's containers) mounted at {@code path}.
 *
 * @param path the mount point in the container ({@code mountPath})
 * @param volume the volume's files
 * @param subPath the path inside the volume that is mounted ({@code ""} for the whole volume)
 * @param readOnly whether writes fail with {@code Read-only file system}
 */
public record VolumeMount(String path, ContainerFilesystem volume, String subPath, boolean readOnly) {
  public VolumeMount {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(subPath, "subPath");
  }
}
