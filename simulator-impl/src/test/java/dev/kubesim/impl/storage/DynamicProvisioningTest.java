package dev.kubesim.impl.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.apiserver.StorageObjects;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A claim of kind's default class {@code standard}: Pending until a pod needs it, then provisioned
 * by the local-path provisioner on the pod's node and bound; data written there outlives the pod.
 */
class DynamicProvisioningTest {
  private static final long SEED = 7;
  static final String CLAIM = """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """;

  static String pod(String name, boolean readOnly) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          containers:
          - name: app
            image: busybox
            command: [sleep, infinity]
            volumeMounts: [{name: data, mountPath: /data}]
          volumes:
          - name: data
            persistentVolumeClaim: {claimName: data, readOnly: %s}
        """.formatted(name, readOnly);
  }

  private final Cluster cluster = KubeSim.cluster().seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private GenericObject claim() {
    return (GenericObject) cluster.get("PersistentVolumeClaim", "default", "data").orElseThrow();
  }

  private String nodeOf(String pod) {
    return cluster.get(Pod.class, "default", pod).orElseThrow().spec().orElseThrow().nodeName().orElse("");
  }

  private String phaseOf(String pod) {
    return cluster.get(Pod.class, "default", pod).flatMap(p -> p.status()).flatMap(st -> st.phase()).orElse("");
  }

  private String kubectl(String command) {
    return cluster.kubectl(command).stdout();
  }

  @Test
  void defaultClassIsKindsStandardLocalPath() {
    assertThat(kubectl("get sc")).startsWith("""
        NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
        standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  """);
  }

  @Test
  void claimWithoutClassGetsTheDefaultAndWaitsForItsFirstConsumer() {
    cluster.apply(CLAIM);
    cluster.settle();
    assertThat(kubectl("get pvc")).as("seed %d", SEED).isEqualTo("""
        NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
        data   Pending                                      standard       <unset>                 0s
        """);
    assertThat(claim().metadata().finalizers()).containsExactly("kubernetes.io/pvc-protection");
    assertThat(kubectl("get events")).isEqualTo("""
        LAST SEEN   TYPE     REASON                 OBJECT                       MESSAGE
        0s          Normal   WaitForFirstConsumer   persistentvolumeclaim/data   waiting for first consumer to be created before binding
        """);
  }

  @Test
  void claimIsProvisionedOnTheNodeChosenForItsFirstConsumer() {
    cluster.apply(CLAIM);
    cluster.apply(pod("writer", false));
    cluster.settle();
    String node = nodeOf("writer");
    GenericObject claim = claim();
    String pv = "pvc-" + claim.metadata().uid().orElseThrow();
    assertThat(phaseOf("writer")).isEqualTo("Running");
    assertThat(StorageObjects.phase(claim)).isEqualTo("Bound");
    assertThat(StorageObjects.volumeName(claim)).isEqualTo(pv);
    assertThat(claim.metadata().annotations()).containsExactly(
        entry("pv.kubernetes.io/bind-completed", "yes"),
        entry("pv.kubernetes.io/bound-by-controller", "yes"),
        entry("volume.beta.kubernetes.io/storage-provisioner", "rancher.io/local-path"),
        entry("volume.kubernetes.io/selected-node", node),
        entry("volume.kubernetes.io/storage-provisioner", "rancher.io/local-path"));
    GenericObject volume = (GenericObject) cluster.get("PersistentVolume", "", pv).orElseThrow();
    assertThat(StorageObjects.nodePath(volume)).contains("/var/local-path-provisioner/" + pv + "_default_data");
    assertThat(StorageObjects.reclaimPolicy(volume)).isEqualTo("Delete");
    assertThat(StorageObjects.phase(volume)).isEqualTo("Bound");
    assertThat(volume.metadata().finalizers()).containsExactly("kubernetes.io/pv-protection");
    assertThat(volume.metadata().annotations()).containsExactly(
        entry("local.path.provisioner/selected-node", node), entry("pv.kubernetes.io/provisioned-by", "rancher.io/local-path"));
    assertThat(String.valueOf(StorageObjects.section(volume, "spec").get("nodeAffinity")))
        .isEqualTo("{required={nodeSelectorTerms=[{matchExpressions=[{key=kubernetes.io/hostname, operator=In, values=[" + node + "]}]}]}}");
    assertThat(kubectl("get pv")).contains(pv + "   1Gi        RWO            Delete           Bound    default/data   standard");
    assertThat(kubectl("describe pvc data"))
        .contains("WaitForFirstConsumer", "ExternalProvisioning", "persistentvolume-controller",
            "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the"
                + " system administrator. If volume creation is delayed, please verify that the provisioner is running and"
                + " correctly registered.",
            "External provisioner is provisioning volume for claim \"default/data\"",
            "Successfully provisioned volume " + pv);
  }

  @Test
  void dataWrittenOnTheClaimIsSeenByTheReplacementPod() {
    cluster.apply(CLAIM);
    cluster.apply(pod("writer", false));
    cluster.settle();
    assertThat(cluster.exec("default/writer", "sh", "-c", "echo kept > /data/note").exitCode()).isZero();
    cluster.delete("Pod", "default", "writer");
    cluster.advance(Duration.ofSeconds(40));
    cluster.apply(pod("reader", false));
    cluster.settle();
    assertThat(phaseOf("reader")).isEqualTo("Running");
    assertThat(cluster.exec("default/reader", "cat", "/data/note").stdout()).isEqualTo("kept\n");
  }

  @Test
  void readOnlyClaimVolumeRefusesWrites() {
    cluster.apply(CLAIM);
    cluster.apply(pod("viewer", true));
    cluster.settle();
    var touch = cluster.exec("default/viewer", "touch", "/data/x");
    assertThat(touch.exitCode()).isNotZero();
    assertThat(touch.stderr()).contains("Read-only file system");
  }

  @Test
  void describePvcShowsTheBindingAndItsUser() {
    cluster.apply(CLAIM);
    cluster.apply(pod("writer", false));
    cluster.settle();
    String out = kubectl("describe pvc data");
    assertThat(out).startsWith("Name:          data\nNamespace:     default\nStorageClass:  standard\nStatus:        Bound\n");
    assertThat(out).contains("Finalizers:    [kubernetes.io/pvc-protection]\nCapacity:      1Gi\nAccess Modes:  RWO\n"
        + "VolumeMode:    Filesystem\nUsed By:       writer\nEvents:\n");
    assertThat(out).contains("Normal  ProvisioningSucceeded");
  }

  @Test
  void describeStorageClassShowsTheDefault() {
    assertThat(kubectl("describe sc standard")).isEqualTo("""
        Name:                  standard
        IsDefaultClass:        Yes
        Annotations:           storageclass.kubernetes.io/is-default-class=true
        Provisioner:           rancher.io/local-path
        Parameters:            <none>
        AllowVolumeExpansion:  <unset>
        MountOptions:          <none>
        ReclaimPolicy:         Delete
        VolumeBindingMode:     WaitForFirstConsumer
        Events:                <none>
        """);
  }

  @Test
  void describePvShowsItsNodeAffinityAndHostPath() {
    cluster.apply(CLAIM);
    cluster.apply(pod("writer", false));
    cluster.settle();
    String pv = StorageObjects.volumeName(claim());
    String node = nodeOf("writer");
    assertThat(kubectl("describe pv " + pv)).isEqualTo(("""
        Name:              %1$s
        Labels:            <none>
        Annotations:       local.path.provisioner/selected-node: %2$s
                           pv.kubernetes.io/provisioned-by: rancher.io/local-path
        Finalizers:        [kubernetes.io/pv-protection]
        StorageClass:      standard
        Status:            Bound
        Claim:             default/data
        Reclaim Policy:    Delete
        Access Modes:      RWO
        VolumeMode:        Filesystem
        Capacity:          1Gi
        Node Affinity:    \s
          Required Terms: \s
            Term 0:        kubernetes.io/hostname in [%2$s]
        Message:          \s
        Source:
            Type:          HostPath (bare host directory volume)
            Path:          /var/local-path-provisioner/%1$s_default_data
            HostPathType:  DirectoryOrCreate
        Events:            <none>
        """).formatted(pv, node));
  }

  @Test
  void claimWhosePodIsNotScheduledYetSaysSo() {
    cluster.apply(CLAIM + "---\n" + pod("writer", false).replace("spec:\n", "spec:\n  nodeSelector: {disk: ssd}\n"));
    cluster.settle();
    assertThat(kubectl("describe pvc data"))
        .contains("Normal  WaitForPodScheduled", "persistentvolume-controller  waiting for pod writer to be scheduled");
  }
}
