package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Volumes and configuration from ConfigMaps and Secrets as the kubelet sets them up (seed 1). */
class PodVolumesTest {
  private Cluster cluster;

  @BeforeEach
  void setUp() {
    cluster = KubeSim.cluster().seed(1).build();
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private String status(String pod) {
    String[] row = cluster.kubectl("get pod " + pod).stdout().split("\n")[1].trim().split(" {3,}");
    return row[2];
  }

  private String waitingMessage(String pod) {
    return cluster.get(dev.kubesim.api.model.Pod.class, "default", pod).orElseThrow().status().orElseThrow()
        .containerStatuses().get(0).state().orElseThrow().waiting().orElseThrow().message().orElse("");
  }

  private String cat(String pod, String path) {
    ExecResult r = cluster.exec("default/" + pod, "cat", path);
    return r.exitCode() == 0 ? r.stdout() : r.stderr();
  }

  @Test
  void aMissingConfigMapKeepsThePodContainerCreatingUntilItExists() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - {name: app, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: x, mountPath: /etc/x}]}
          volumes:
          - {name: x, configMap: {name: y}}
        """);
    cluster.advance(Duration.ofSeconds(30));
    assertThat(status("p")).isEqualTo("ContainerCreating");
    assertThat(cluster.kubectl("get events").stdout())
        .contains("MountVolume.SetUp failed for volume \"x\" : configmap \"y\" not found");
    cluster.apply("{apiVersion: v1, kind: ConfigMap, metadata: {name: y}, data: {k: v}}");
    cluster.advance(Duration.ofSeconds(125)); // the volume manager's longest back-off is 2m2s
    assertThat(status("p")).isEqualTo("Running");
    assertThat(cat("p", "/etc/x/k")).isEqualTo("v");
  }

  @Test
  void anOptionalMissingSecretMountsEmpty() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - {name: app, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: s, mountPath: /etc/s}]}
          volumes:
          - {name: s, secret: {secretName: nope, optional: true}}
        """);
    cluster.advance(Duration.ofSeconds(2));
    assertThat(status("p")).isEqualTo("Running");
    assertThat(cluster.exec("default/p", "ls", "/etc/s").stdout()).isEmpty();
  }

  @Test
  void configMapUpdatesReachTheFilesAtTheNextSyncButNotASubPathMount() {
    cluster.apply("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        data: {color: blue}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: app
            image: busybox
            command: [sleep, "3600"]
            volumeMounts:
            - {name: c, mountPath: /etc/cfg}
            - {name: c, mountPath: /etc/color, subPath: color}
          volumes:
          - {name: c, configMap: {name: cfg}}
        """);
    cluster.advance(Duration.ofSeconds(2));
    cluster.apply("{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}, data: {color: red}}");
    assertThat(cat("p", "/etc/cfg/color")).isEqualTo("blue");
    cluster.advance(Duration.ofSeconds(60));
    assertThat(cat("p", "/etc/cfg/color")).isEqualTo("red");
    assertThat(cat("p", "/etc/color")).isEqualTo("blue");
  }

  @Test
  void envFromConfigMapsAndSecretsAndItsErrors() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: app
            image: busybox
            command: [sleep, "3600"]
            envFrom: [{configMapRef: {name: cfg}, prefix: CFG_}]
            env:
            - {name: PW, valueFrom: {secretKeyRef: {name: s, key: pw}}}
            - {name: OPT, valueFrom: {configMapKeyRef: {name: cfg, key: missing, optional: true}}}
        """);
    cluster.advance(Duration.ofSeconds(2));
    assertThat(status("p")).isEqualTo("CreateContainerConfigError");
    assertThat(waitingMessage("p")).isEqualTo("configmap \"cfg\" not found");
    cluster.apply("{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}, data: {a: '1'}}");
    cluster.advance(Duration.ofSeconds(10));
    assertThat(waitingMessage("p")).isEqualTo("secret \"s\" not found");
    cluster.apply("{apiVersion: v1, kind: Secret, metadata: {name: s}, data: {pw: aHVudGVyMg==}}");
    cluster.advance(Duration.ofSeconds(10));
    assertThat(status("p")).isEqualTo("Running");
    ExecResult env = cluster.exec("default/p", "env");
    assertThat(env.stdout()).contains("CFG_a=1\n", "PW=hunter2\n").doesNotContain("OPT=");
  }

  @Test
  void theServiceAccountVolumeMountsTokenCaAndNamespace() {
    cluster.apply("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: kube-root-ca.crt}
        data: {ca.crt: "-----BEGIN CERTIFICATE-----\\n"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: app
            image: busybox
            command: [sleep, "3600"]
            volumeMounts:
            - {name: kube-api-access-abcde, mountPath: /var/run/secrets/kubernetes.io/serviceaccount, readOnly: true}
          volumes:
          - name: kube-api-access-abcde
            projected:
              defaultMode: 420
              sources:
              - serviceAccountToken: {expirationSeconds: 3607, path: token}
              - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
              - downwardAPI: {items: [{path: namespace, fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}}]}
        """);
    cluster.advance(Duration.ofSeconds(2));
    assertThat(cluster.exec("default/p", "ls", "/var/run/secrets/kubernetes.io/serviceaccount").stdout())
        .isEqualTo("ca.crt\nnamespace\ntoken\n");
    assertThat(cat("p", "/var/run/secrets/kubernetes.io/serviceaccount/namespace")).isEqualTo("default");
    assertThat(cat("p", "/var/run/secrets/kubernetes.io/serviceaccount/token")).matches("ey[\\w-]+\\.ey[\\w-]+\\.[\\w-]+");
  }

  @Test
  void downwardApiResourceFieldsAndLabelUpdates() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, labels: {v: one}}
        spec:
          containers:
          - name: app
            image: busybox
            command: [sleep, "3600"]
            resources: {limits: {memory: 64Mi, cpu: 250m}}
            volumeMounts: [{name: info, mountPath: /info}]
          volumes:
          - name: info
            downwardAPI:
              items:
              - {path: labels, fieldRef: {fieldPath: metadata.labels}}
              - {path: mem, resourceFieldRef: {containerName: app, resource: limits.memory, divisor: 1Mi}}
              - {path: cpu, resourceFieldRef: {containerName: app, resource: limits.cpu, divisor: 1m}}
        """);
    cluster.advance(Duration.ofSeconds(2));
    assertThat(cat("p", "/info/mem")).isEqualTo("64");
    assertThat(cat("p", "/info/cpu")).isEqualTo("250");
    cluster.kubectl("label pod p v=two --overwrite");
    cluster.advance(Duration.ofSeconds(60));
    assertThat(cat("p", "/info/labels")).isEqualTo("v=\"two\"");
  }

  @Test
  void aHostPathOfTypeDirectoryMustExistOnTheNode() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          nodeName: node-1
          containers:
          - {name: app, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: h, mountPath: /h}]}
          volumes:
          - {name: h, hostPath: {path: /srv/data, type: Directory}}
        """);
    cluster.advance(Duration.ofSeconds(5));
    assertThat(status("p")).isEqualTo("ContainerCreating");
    assertThat(cluster.kubectl("describe pod p").stdout())
        .contains("MountVolume.SetUp failed for volume \"h\" : hostPath type check failed: /srv/data is not a directory");
  }
}
