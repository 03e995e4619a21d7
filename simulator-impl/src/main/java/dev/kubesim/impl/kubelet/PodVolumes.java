package dev.kubesim.impl.kubelet;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.program.ContainerFilesystem;
import dev.kubesim.impl.program.FsException;
import dev.kubesim.impl.program.FsPaths;
import dev.kubesim.impl.program.VolumeMount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A pod's volumes as the kubelet's volume manager sets them up: one tree per volume, shared by the
 * pod's containers and kept across their restarts. {@code emptyDir} starts empty, {@code hostPath}
 * is the node's own tree (as is a {@code persistentVolumeClaim} whose volume is a directory on the
 * node, see {@link ClaimVolumes}), and {@code configMap}, {@code secret}, {@code downwardAPI} and {@code
 * projected} hold their plugin's payload (always mounted read-only), refreshed when the kubelet
 * syncs the pod.
 */
final class PodVolumes {
  /** One set-up volume. */
  private static final class Volume {
    final ContainerFilesystem fs;
    /** The path in {@link #fs} the volume starts at: the host path of a hostPath volume. */
    final String base;
    /** The payload of a volume whose files come from the API; null for emptyDir and hostPath. */
    VolumePayloads.Payload payload;
    /** Whether every mount of the volume is read-only (a claim's {@code readOnly}). */
    boolean readOnly;

    Volume(ContainerFilesystem fs, String base) {
      this.fs = fs;
      this.base = base;
    }
  }

  private final Map<String, Volume> volumes = new LinkedHashMap<>();
  private final Supplier<Instant> clock;

  PodVolumes(Supplier<Instant> clock) {
    this.clock = clock;
  }

  /**
   * Sets up the pod's volumes that are not set up yet, in spec order.
   *
   * @throws MountFailure for the first volume that cannot be, as the kubelet's event says it:
   *     {@code MountVolume.SetUp failed for volume "x" : configmap "y" not found}
   */
  void setUp(VolumePayloads.Context ctx, ContainerFilesystem nodeFs) throws MountFailure {
    for (Object o : ctx.pod().specOrEmpty().volumes()) {
      if (!(o instanceof Map<?, ?> spec)) {
        continue;
      }
      String name = VolumePayloads.string(spec, "name");
      if (volumes.containsKey(name)) {
        continue;
      }
      try {
        volumes.put(name, create(ctx, spec, nodeFs));
      } catch (MountFailure e) {
        throw new MountFailure("MountVolume.SetUp failed for volume \"" + name + "\" : " + e.getMessage());
      }
    }
  }

  private Volume create(VolumePayloads.Context ctx, Map<?, ?> spec, ContainerFilesystem nodeFs) throws MountFailure {
    if (spec.get("hostPath") instanceof Map<?, ?> host) {
      return new Volume(nodeFs, hostPath(nodeFs, host));
    }
    if (spec.get("persistentVolumeClaim") instanceof Map<?, ?> claim) {
      Optional<Map<?, ?>> host = ClaimVolumes.hostPath(ctx.api(), ctx.namespace(), VolumePayloads.string(claim, "claimName"));
      if (host.isPresent()) {
        Volume v = new Volume(nodeFs, hostPath(nodeFs, host.get()));
        v.readOnly = Boolean.TRUE.equals(claim.get("readOnly"));
        return v;
      }
    }
    VolumePayloads.Payload payload = payload(ctx, spec);
    Volume v = new Volume(new ContainerFilesystem(clock), "/");
    if (payload != null) {
      v.payload = payload;
      v.fs.replaceAll(payload.files(), payload::executable);
    }
    return v;
  }

  /** The payload of an API-data volume; null for a volume that starts empty. */
  private static VolumePayloads.Payload payload(VolumePayloads.Context ctx, Map<?, ?> spec) throws MountFailure {
    if (spec.get("configMap") instanceof Map<?, ?> cm) {
      return VolumePayloads.keys(ctx, ConfigData.CONFIG_MAP, cm, VolumePayloads.DEFAULT_MODE, VolumePayloads.Payload.empty());
    }
    if (spec.get("secret") instanceof Map<?, ?> secret) {
      return VolumePayloads.keys(ctx, ConfigData.SECRET, secret, VolumePayloads.DEFAULT_MODE, VolumePayloads.Payload.empty());
    }
    if (spec.get("downwardAPI") instanceof Map<?, ?> downward) {
      return VolumePayloads.downwardApi(ctx, downward, VolumePayloads.DEFAULT_MODE, VolumePayloads.Payload.empty());
    }
    if (spec.get("projected") instanceof Map<?, ?> projected) {
      return VolumePayloads.projected(ctx, projected);
    }
    return null; // emptyDir, and the volume types kubesim keeps as an empty directory
  }

  /** Checks or creates a hostPath volume's path on the node, as its {@code type} says. */
  private static String hostPath(ContainerFilesystem nodeFs, Map<?, ?> host) throws MountFailure {
    String path = FsPaths.normalize(VolumePayloads.string(host, "path"));
    String type = VolumePayloads.string(host, "type");
    try {
      switch (type) {
        case "Directory" -> {
          if (!nodeFs.isDirectory(path)) {
            throw new MountFailure("hostPath type check failed: " + path + " is not a directory");
          }
        }
        case "File" -> {
          if (!nodeFs.isFile(path)) {
            throw new MountFailure("hostPath type check failed: " + path + " is not a file");
          }
        }
        case "FileOrCreate" -> {
          if (!nodeFs.exists(path)) {
            nodeFs.mkdirs(FsPaths.parent(path));
            nodeFs.write(path, "");
          }
        }
        default -> {
          // DirectoryOrCreate, and no type: the runtime makes a missing path a directory
          if (!nodeFs.exists(path)) {
            nodeFs.mkdirs(path);
          }
        }
      }
    } catch (FsException e) {
      throw new MountFailure("hostPath type check failed: " + path + ": " + e.errno().message());
    }
    return path;
  }

  /**
   * Re-reads the volumes whose files come from the API, as a pod sync does; a volume whose source
   * is gone or failing keeps its files. Returns whether any file changed.
   */
  boolean refresh(VolumePayloads.Context ctx) {
    boolean changed = false;
    for (Object o : ctx.pod().specOrEmpty().volumes()) {
      if (!(o instanceof Map<?, ?> spec)) {
        continue;
      }
      Volume v = volumes.get(VolumePayloads.string(spec, "name"));
      if (v == null || v.payload == null) {
        continue;
      }
      try {
        VolumePayloads.Payload now = payload(ctx, spec);
        if (now != null && !now.equals(v.payload)) {
          v.payload = now;
          v.fs.replaceAll(now.files(), now::executable);
          changed = true;
        }
      } catch (MountFailure e) {
        // the kubelet keeps the last files it wrote
      }
    }
    return changed;
  }

  /** Whether a volume of the pod takes its files from the API (so a sync may change them). */
  boolean hasApiData() {
    return volumes.values().stream().anyMatch(v -> v.payload != null);
  }

  /**
   * A container's {@code volumeMounts} as the runtime mounts them. A {@code subPath} into a volume
   * from the API is bound to the file as it is now, so later updates do not reach it (as with the
   * kubelet's atomic writer, which swaps a symlink the bind mount does not follow).
   */
  List<VolumeMount> mounts(Container container, Map<String, String> env) {
    List<VolumeMount> out = new ArrayList<>();
    for (Object o : container.volumeMounts()) {
      if (!(o instanceof Map<?, ?> m)) {
        continue;
      }
      Volume v = volumes.get(VolumePayloads.string(m, "name"));
      if (v == null) {
        continue;
      }
      String subPath = VolumePayloads.string(m, "subPath");
      String expr = VolumePayloads.string(m, "subPathExpr");
      if (subPath.isEmpty() && !expr.isEmpty()) {
        subPath = EnvExpansion.expand(expr, List.of(env));
      }
      boolean readOnly = Boolean.TRUE.equals(m.get("readOnly")) || v.payload != null || v.readOnly;
      ContainerFilesystem fs = v.fs;
      if (v.payload != null && !subPath.isEmpty()) {
        fs = new ContainerFilesystem(clock);
        fs.replaceAll(v.payload.files(), v.payload::executable);
      }
      String inner = subPath.isEmpty() ? v.base : FsPaths.normalize(v.base + "/" + subPath);
      out.add(new VolumeMount(VolumePayloads.string(m, "mountPath"), fs, inner.equals("/") ? "" : inner, readOnly));
    }
    return out;
  }
}
