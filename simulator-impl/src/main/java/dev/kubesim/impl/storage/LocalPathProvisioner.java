package dev.kubesim.impl.storage;

import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.impl.apiserver.ApiServer;
import dev.kubesim.impl.apiserver.ObjectKey;
import dev.kubesim.impl.apiserver.ObjectStore;
import dev.kubesim.impl.apiserver.StorageObjects;
import dev.kubesim.impl.apiserver.WatchEvent;
import dev.kubesim.impl.events.EventRecorder;
import dev.kubesim.impl.sim.WorkQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * kind's local-path provisioner ({@code rancher/local-path-provisioner} on {@code
 * sig-storage-lib-external-provisioner}): for a claim that names it as its provisioner (and, for a
 * WaitForFirstConsumer class, once the scheduler has chosen the node), it makes the directory
 * {@code /var/local-path-provisioner/pvc-<uid>_<namespace>_<name>} on that node and a {@code
 * hostPath} PersistentVolume {@code pvc-<uid>} pinned to the node, pre-bound to the claim; a
 * released volume of its own with the {@code Delete} policy goes, directory and all.
 */
public final class LocalPathProvisioner {
  /** The provisioner's name, as StorageClasses name it. */
  public static final String NAME = "rancher.io/local-path";
  /** Where volumes' directories live on the node (the default {@code nodePathMap}). */
  static final String BASE_PATH = "/var/local-path-provisioner";
  static final String NODE_ANNOTATION = "local.path.provisioner/selected-node";
  static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

  private final ApiServer api;
  private final NodeDirectories directories;
  private final EventRecorder events;
  private final WorkQueue<ObjectKey> claims;
  private final WorkQueue<String> volumes;

  private LocalPathProvisioner(ApiServer api, NodeDirectories directories) {
    this.api = api;
    this.directories = directories;
    this.events = new EventRecorder(api, identity(api.loop().random().stream("storage/local-path-provisioner")), "");
    this.claims = new WorkQueue<>(api.loop(), NAME + " claim", this::syncClaim);
    this.volumes = new WorkQueue<>(api.loop(), NAME + " volume", this::syncVolume);
  }

  /** Starts the provisioner; it makes and removes directories through {@code directories}. */
  public static LocalPathProvisioner start(ApiServer api, NodeDirectories directories) {
    LocalPathProvisioner p = new LocalPathProvisioner(api, directories);
    api.store().watch(StorageObjects.PVC, e -> {
      if (e.type() != WatchEvent.Type.DELETED) {
        p.claims.add(ObjectStore.keyOf(e.object()));
      }
    });
    api.store().watch(StorageObjects.PV, e -> {
      if (e.type() != WatchEvent.Type.DELETED) {
        p.volumes.add(e.object().metadata().nameOrEmpty());
      }
    });
    return p;
  }

  /**
   * The library's identity, which its events name as their source: the provisioner, the host it
   * runs on (the provisioner's pod in {@code local-path-storage}) and a UUID drawn per start.
   */
  private static String identity(SplittableRandom random) {
    java.util.UUID uuid = new java.util.UUID((random.nextLong() & ~0xF000L) | 0x4000L,
        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    return NAME + "_local-path-provisioner_" + uuid;
  }

  // ---- provisioning

  private void syncClaim(ObjectKey key) {
    Optional<GenericObject> found = api.get(StorageObjects.PVC, key.namespace(), key.name()).map(GenericObject.class::cast);
    if (found.isEmpty()) {
      return;
    }
    GenericObject claim = found.get();
    if (!shouldProvision(claim)) {
      return;
    }
    String pvName = "pvc-" + claim.metadata().uid().orElse("");
    if (api.get(StorageObjects.PV, "", pvName).isPresent()) {
      return; // provisioned already; the PersistentVolume controller binds it
    }
    GenericObject storageClass = api.get(StorageObjects.STORAGE_CLASS, "", StorageObjects.claimClass(claim))
        .map(GenericObject.class::cast).orElse(null);
    if (storageClass == null) {
      return;
    }
    String namespacedName = claim.metadata().namespace().orElse("default") + "/" + claim.metadata().nameOrEmpty();
    events.normal(claim, "Provisioning", "External provisioner is provisioning volume for claim \"" + namespacedName + "\"");
    String node = claim.metadata().annotations().getOrDefault(StorageObjects.SELECTED_NODE, "");
    String failure = node.isEmpty() ? "configuration error, no node was specified"
        : api.get("Node", "", node).isEmpty() ? "nodes \"" + node + "\" not found" : "";
    if (!failure.isEmpty()) {
      events.warning(claim, "ProvisioningFailed", "failed to provision volume with StorageClass \""
          + storageClass.metadata().nameOrEmpty() + "\": " + failure);
      return;
    }
    String path = BASE_PATH + "/" + pvName + "_" + claim.metadata().namespace().orElse("default") + "_" + claim.metadata().nameOrEmpty();
    directories.create(node, path);
    api.create(volume(claim, storageClass, pvName, node, path));
    events.normal(claim, "ProvisioningSucceeded", "Successfully provisioned volume " + pvName);
  }

  /** {@code shouldProvision}: the claim names this provisioner, is not bound, and (delayed binding) has its node. */
  private static boolean shouldProvision(GenericObject claim) {
    Map<String, String> a = claim.metadata().annotations();
    String provisioner = a.getOrDefault(PersistentVolumeController.STORAGE_PROVISIONER,
        a.getOrDefault(PersistentVolumeController.BETA_STORAGE_PROVISIONER, ""));
    return provisioner.equals(NAME) && StorageObjects.volumeName(claim).isEmpty()
        && claim.metadata().deletionTimestamp().isEmpty();
  }

  /** The volume as the provisioner's {@code Provision} and the library's claimRef and annotations make it. */
  private static GenericObject volume(GenericObject claim, GenericObject storageClass, String pvName, String node, String path) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("accessModes", StorageObjects.section(claim, "spec").getOrDefault("accessModes", List.of()));
    spec.put("capacity", Map.of("storage", StorageObjects.requestedStorage(claim).orElse("0")));
    spec.put("claimRef", StorageObjects.referenceTo(claim));
    spec.put("hostPath", Map.of("path", path, "type", "DirectoryOrCreate"));
    Map<String, Object> requirement = new LinkedHashMap<>();
    requirement.put("key", HOSTNAME_LABEL);
    requirement.put("operator", "In");
    requirement.put("values", List.of(node));
    spec.put("nodeAffinity", Map.of("required", Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(requirement))))));
    spec.put("persistentVolumeReclaimPolicy", String.valueOf(storageClass.content().getOrDefault("reclaimPolicy", "Delete")));
    spec.put("storageClassName", storageClass.metadata().nameOrEmpty());
    spec.put("volumeMode", "Filesystem");
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(NODE_ANNOTATION, node);
    annotations.put(PersistentVolumeController.PROVISIONED_BY, NAME);
    ObjectMeta meta = ObjectMeta.builder().name(pvName).annotations(annotations).build();
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("spec", spec);
    return new GenericObject("v1", StorageObjects.PV, meta, content);
  }

  // ---- deleting

  private void syncVolume(String name) {
    Optional<GenericObject> found = api.get(StorageObjects.PV, "", name).map(GenericObject.class::cast);
    if (found.isEmpty()) {
      return;
    }
    GenericObject pv = found.get();
    if (!StorageObjects.phase(pv).equals("Released") || !StorageObjects.reclaimPolicy(pv).equals("Delete")
        || !NAME.equals(pv.metadata().annotations().get(PersistentVolumeController.PROVISIONED_BY))
        || pv.metadata().deletionTimestamp().isPresent()) {
      return;
    }
    String node = pv.metadata().annotations().getOrDefault(NODE_ANNOTATION, "");
    StorageObjects.nodePath(pv).filter(p -> !node.isEmpty()).ifPresent(p -> directories.delete(node, p));
    api.delete(StorageObjects.PV, "", name);
  }
}
