package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl patch}: strategic merge, JSON merge and JSON patches, as the docs write them. */
class PatchCommandTest {
  private static final long SEED = 17;
  private final Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void kubia() {
    cluster.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: kubia}
        spec:
          replicas: 1
          selector: {matchLabels: {app: kubia}}
          template:
            metadata: {labels: {app: kubia}}
            spec:
              containers: [{name: nodejs, image: luksa/kubia, ports: [{containerPort: 8080}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kubia}
        spec:
          selector: {app: kubia}
          ports: [{port: 80, targetPort: 8080}]
        """);
  }

  private Service service() {
    return cluster.get(Service.class, "default", "kubia").orElseThrow();
  }

  @Test
  void aStrategicPatchChangesAServicesTypeAndTheApiServerAllocatesANodePort() {
    kubia();
    KubectlResult r = cluster.kubectl("patch svc kubia -p '{\"spec\":{\"type\":\"NodePort\"}}'");
    assertThat(r.stdout()).as("seed %d: %s", SEED, r.stderr()).isEqualTo("service/kubia patched\n");
    assertThat(service().spec().orElseThrow().type()).hasValue("NodePort");
    assertThat(service().spec().orElseThrow().ports().get(0).nodePort()).isPresent();
    assertThat(cluster.kubectl("patch svc kubia -p '{\"spec\":{\"type\":\"NodePort\"}}'").stdout())
        .isEqualTo("service/kubia patched (no change)\n");
  }

  @Test
  void aStrategicPatchMergesContainersByNameInAYamlPatch() {
    kubia();
    KubectlResult r = cluster.kubectl("patch deployment kubia -p 'spec: {template: {spec: {containers: [{name: nodejs, image: luksa/kubia:v2}]}}}'");
    assertThat(r.stdout()).as("seed %d: %s", SEED, r.stderr()).isEqualTo("deployment.apps/kubia patched\n");
    String image = cluster.kubectl("get deployment kubia -o jsonpath={.spec.template.spec.containers[0].image}").stdout();
    assertThat(image).isEqualTo("luksa/kubia:v2");
    // the container's ports were merged, not replaced with the patch's list
    assertThat(cluster.kubectl("get deployment kubia -o jsonpath={.spec.template.spec.containers[0].ports[0].containerPort}").stdout())
        .isEqualTo("8080");
  }

  @Test
  void mergeAndJsonPatchesAsTheirTypesSay() {
    kubia();
    assertThat(cluster.kubectl("patch deployment kubia --type merge -p '{\"spec\":{\"replicas\":3}}'").stdout())
        .as("seed %d", SEED).isEqualTo("deployment.apps/kubia patched\n");
    assertThat(cluster.kubectl("patch deployment kubia --type=json -p '[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]'")
        .stdout()).isEqualTo("deployment.apps/kubia patched\n");
    assertThat(cluster.kubectl("get deployment kubia -o jsonpath={.spec.replicas}").stdout()).isEqualTo("2");
  }

  @Test
  void aPatchTheApiServerRefusesIsItsErrorAndChangesNothing() {
    kubia();
    KubectlResult r = cluster.kubectl("patch svc kubia -p '{\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":8080,\"nodePort\":1}]}}'");
    assertThat(r.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(r.stderr()).startsWith("The Service \"kubia\" is invalid: ");
    assertThat(service().spec().orElseThrow().type()).hasValue("ClusterIP");
    assertThat(cluster.kubectl("patch svc kubia --type foo -p '{}'").stderr())
        .isEqualTo("error: --type must be one of [json merge strategic], not \"foo\"\n");
    assertThat(cluster.kubectl("patch svc kubia").stderr())
        .isEqualTo("error: must specify --patch or --patch-file containing the contents of the patch\n");
  }
}
