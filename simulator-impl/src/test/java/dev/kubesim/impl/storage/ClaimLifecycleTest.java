package dev.kubesim.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Static volumes, claims that cannot be met, protection finalizers and reclaim: what the PV
 * controller, the protection controllers and the scheduler's volume binding do with them.
 */
class ClaimLifecycleTest {
  private static final long SEED = 11;
  private static final String STATIC_PV = """
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: %s}
      spec:
        capacity: {storage: %s}
        accessModes: [ReadWriteOnce]
        storageClassName: manual
        persistentVolumeReclaimPolicy: %s
        hostPath: {path: /mnt/%s}
      """;
  private static final String MANUAL_CLAIM = """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        storageClassName: manual
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """;

  private final Cluster cluster = KubeSim.cluster().seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private Optional<GenericObject> object(String kind, String name) {
    return cluster.get(kind, kind.equals("PersistentVolume") ? "" : "default", name).map(GenericObject.class::cast);
  }

  private String phase(String kind, String name) {
    return object(kind, name).map(StorageObjects::phase).orElse("<gone>");
  }

  private int probes;

  /** Runs a command in a new pod on the node that mounts the node's {@code dir} at {@code /host}, as a node's shell would see it. */
  private dev.kubesim.api.ExecResult onNode(String node, String dir, String... command) {
    String name = "probe-" + (++probes);
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          nodeName: %s
          containers: [{name: sh, image: busybox, command: [sleep, infinity], volumeMounts: [{name: h, mountPath: /host}]}]
          volumes: [{name: h, hostPath: {path: %s}}]
        """.formatted(name, node, dir));
    cluster.settle();
    return cluster.exec("default/" + name, command);
  }

  private Pod pod(String name) {
    return cluster.get(Pod.class, "default", name).orElseThrow();
  }

  @Test
  void staticVolumeIsAvailableThenBoundToTheSmallestMatchingClaim() {
    cluster.apply(STATIC_PV.formatted("big", "10Gi", "Retain", "big") + "---\n" + STATIC_PV.formatted("small", "2Gi", "Retain", "small"));
    cluster.settle();
    assertThat(phase("PersistentVolume", "big")).isEqualTo("Available");
    cluster.apply(MANUAL_CLAIM);
    cluster.settle();
    GenericObject claim = object("PersistentVolumeClaim", "data").orElseThrow();
    assertThat(StorageObjects.phase(claim)).isEqualTo("Bound");
    assertThat(StorageObjects.volumeName(claim)).isEqualTo("small");
    GenericObject pv = object("PersistentVolume", "small").orElseThrow();
    assertThat(pv.metadata().annotations()).containsEntry("pv.kubernetes.io/bound-by-controller", "yes");
    assertThat(StorageObjects.claimRefIs(pv, claim)).isTrue();
    assertThat(cluster.kubectl("get pv").stdout()).isEqualTo("""
        NAME    CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
        big     10Gi       RWO            Retain           Available                  manual         <unset>                          0s
        small   2Gi        RWO            Retain           Bound       default/data   manual         <unset>                          0s
        """);
    assertThat(cluster.kubectl("get pvc").stdout()).isEqualTo("""
        NAME   STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
        data   Bound    small    2Gi        RWO            manual         <unset>                 0s
        """);
  }

  @Test
  void podOnAStaticHostPathVolumeSeesTheNodesDirectory() {
    cluster.apply(STATIC_PV.formatted("disk", "1Gi", "Retain", "disk") + "---\n" + MANUAL_CLAIM + """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          nodeName: node-2
          containers: [{name: app, image: busybox, command: [sleep, infinity], volumeMounts: [{name: d, mountPath: /d}]}]
          volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
        """);
    cluster.settle();
    assertThat(cluster.exec("default/app", "sh", "-c", "echo on-node > /d/f").exitCode()).isZero();
    assertThat(onNode("node-2", "/mnt/disk", "cat", "/host/f").stdout()).isEqualTo("on-node\n");
  }

  @Test
  void podWhoseClaimIsMissingStaysPendingWithFailedScheduling() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: orphan}
        spec:
          containers: [{name: app, image: busybox, command: [sleep, infinity]}]
          volumes: [{name: d, persistentVolumeClaim: {claimName: nowhere}}]
        """);
    cluster.settle();
    String message = "0/3 nodes are available: persistentvolumeclaim \"nowhere\" not found."
        + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    assertThat(pod("orphan").status().orElseThrow().conditions().get(0).message()).contains(message);
    assertThat(cluster.kubectl("get events").stdout()).contains("Warning   FailedScheduling   pod/orphan   " + message);
    // The claim appears: the pod is scheduled, its claim provisioned and bound.
    cluster.apply(DynamicProvisioningTest.CLAIM.replace("name: data", "name: nowhere"));
    cluster.settle();
    assertThat(pod("orphan").status().orElseThrow().phase()).contains("Running");
    assertThat(phase("PersistentVolumeClaim", "nowhere")).isEqualTo("Bound");
  }

  @Test
  void unboundImmediateClaimKeepsItsPodPending() {
    cluster.apply("""
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: fast}
        provisioner: example.com/none
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
          storageClassName: fast
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: waiter}
        spec:
          containers: [{name: app, image: busybox, command: [sleep, infinity]}]
          volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
        """);
    cluster.settle();
    assertThat(pod("waiter").status().orElseThrow().conditions().get(0).message())
        .contains("0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims."
            + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    assertThat(cluster.kubectl("describe pvc data").stdout())
        .contains("Normal  ExternalProvisioning", "external provisioner 'example.com/none'");
  }

  @Test
  void boundVolumesNodeAffinityRestrictsThePodsNodes() {
    cluster.apply("""
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: local-1}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          storageClassName: manual
          local: {path: /mnt/disks/one}
          nodeAffinity:
            required:
              nodeSelectorTerms:
              - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-3]}]
        """ + "---\n" + MANUAL_CLAIM + """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: pinned}
        spec:
          nodeSelector: {kubernetes.io/hostname: node-1}
          containers: [{name: app, image: busybox, command: [sleep, infinity]}]
          volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
        """);
    cluster.settle();
    assertThat(pod("pinned").status().orElseThrow().conditions().get(0).message()).contains(
        "0/3 nodes are available: 1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node"
            + " affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
  }

  @Test
  void aClaimNamingAVolumeOfAnotherClassWaitsWithVolumeMismatchAndTheVolumeKeepsItsClass() {
    // the default class admission gives the claim "standard"; the volume has none: they do not match
    cluster.apply(STATIC_PV.formatted("model", "2Gi", "Retain", "model").replace("  storageClassName: manual\n", ""));
    cluster.apply("""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: model}
        spec:
          volumeName: model
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """);
    cluster.settle();
    assertThat(phase("PersistentVolumeClaim", "model")).as("seed %d", SEED).isEqualTo("Pending");
    assertThat(phase("PersistentVolume", "model")).isEqualTo("Available");
    assertThat(StorageObjects.volumeClass(object("PersistentVolume", "model").orElseThrow())).isEmpty();
    assertThat(cluster.kubectl("get events").stdout())
        .contains("VolumeMismatch", "Cannot bind to requested volume \"model\": storageClassName does not match");
  }

  @Test
  void claimWithoutClassOrVolumeFailsBinding() {
    cluster.apply(MANUAL_CLAIM.replace("storageClassName: manual", "storageClassName: \"\""));
    cluster.settle();
    GenericObject claim = object("PersistentVolumeClaim", "data").orElseThrow();
    assertThat(StorageObjects.claimClass(claim)).isEmpty();
    assertThat(cluster.kubectl("get events").stdout())
        .contains("FailedBinding", "no persistent volumes available for this claim and no storage class is set");
  }

  @Test
  void claimOfAMissingClassFailsProvisioning() {
    cluster.apply(MANUAL_CLAIM);
    cluster.settle();
    assertThat(cluster.kubectl("get events").stdout())
        .contains("Warning   ProvisioningFailed", "storageclass.storage.k8s.io \"manual\" not found");
  }

  @Test
  void claimInUseStaysTerminatingUntilItsPodGoesThenItsVolumeIsDeleted() {
    cluster.apply(DynamicProvisioningTest.CLAIM + "---\n" + DynamicProvisioningTest.pod("writer", false));
    cluster.settle();
    GenericObject claim = object("PersistentVolumeClaim", "data").orElseThrow();
    String pv = StorageObjects.volumeName(claim);
    String node = pod("writer").spec().orElseThrow().nodeName().orElseThrow();
    assertThat(onNode(node, "/var/local-path-provisioner", "ls", "/host").stdout()).isEqualTo(pv + "_default_data\n");
    cluster.kubectl("delete pvc data --wait=false");
    cluster.settle();
    assertThat(cluster.kubectl("get pvc").stdout()).contains("data   Terminating   " + pv);
    cluster.kubectl("delete pod writer --wait=false");
    cluster.advance(Duration.ofSeconds(40));
    assertThat(object("PersistentVolumeClaim", "data")).isEmpty();
    assertThat(object("PersistentVolume", pv)).isEmpty();
    assertThat(onNode(node, "/var/local-path-provisioner", "ls", "/host").stdout()).isEmpty();
  }

  @Test
  void retainedVolumeIsReleasedWhenItsClaimGoes() {
    cluster.apply(STATIC_PV.formatted("keep", "1Gi", "Retain", "keep") + "---\n" + MANUAL_CLAIM);
    cluster.settle();
    assertThat(phase("PersistentVolume", "keep")).isEqualTo("Bound");
    cluster.delete("PersistentVolumeClaim", "default", "data");
    cluster.settle();
    assertThat(phase("PersistentVolumeClaim", "data")).isEqualTo("<gone>");
    assertThat(phase("PersistentVolume", "keep")).isEqualTo("Released");
    assertThat(StorageObjects.claimRef(object("PersistentVolume", "keep").orElseThrow())).isPresent();
  }

  @Test
  void boundVolumeStaysTerminatingWhileItsClaimExists() {
    cluster.apply(STATIC_PV.formatted("keep", "1Gi", "Retain", "keep") + "---\n" + MANUAL_CLAIM);
    cluster.settle();
    cluster.kubectl("delete pv keep --wait=false");
    cluster.settle();
    assertThat(cluster.kubectl("get pv keep").stdout()).contains("Terminating");
    cluster.delete("PersistentVolumeClaim", "default", "data");
    cluster.settle();
    assertThat(object("PersistentVolume", "keep")).isEmpty();
  }

  private static final String LOCAL_CLASS = """
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: local-storage}
      provisioner: kubernetes.io/no-provisioner
      volumeBindingMode: WaitForFirstConsumer
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        storageClassName: local-storage
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: local}
      spec:
        containers: [{name: app, image: busybox, command: [sleep, infinity]}]
        volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
      """;

  @Test
  void waitForFirstConsumerClaimIsBoundToAFreeLocalVolumeOnTheChosenNode() {
    cluster.apply("""
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: local-2}
        spec:
          capacity: {storage: 5Gi}
          accessModes: [ReadWriteOnce]
          storageClassName: local-storage
          hostPath: {path: /mnt/local-2}
          nodeAffinity:
            required:
              nodeSelectorTerms:
              - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-2]}]
        ---
        """ + LOCAL_CLASS);
    cluster.settle();
    assertThat(pod("local").spec().orElseThrow().nodeName()).contains("node-2");
    assertThat(StorageObjects.volumeName(object("PersistentVolumeClaim", "data").orElseThrow())).isEqualTo("local-2");
    assertThat(phase("PersistentVolume", "local-2")).isEqualTo("Bound");
  }

  @Test
  void waitForFirstConsumerClaimWithoutVolumeOrProvisionerKeepsItsPodPending() {
    cluster.apply(LOCAL_CLASS);
    cluster.settle();
    assertThat(pod("local").status().orElseThrow().conditions().get(0).message()).contains(
        "0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind."
            + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    assertThat(phase("PersistentVolumeClaim", "data")).isEqualTo("Pending");
  }
}
