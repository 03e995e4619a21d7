package dev.kubesim.samples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServedApi;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code kubectl autoscale}, which posts an {@code autoscaling/v1} HorizontalPodAutoscaler
 * as protobuf: the served API reads it, stores it as v2, and {@code kubectl get hpa} prints the
 * server's columns.
 */
class RealKubectlAutoscaleTest {
  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: podinfo
      spec:
        replicas: 1
        selector:
          matchLabels: {app: podinfo}
        template:
          metadata:
            labels: {app: podinfo}
          spec:
            containers:
            - name: podinfo
              image: nginx
      """;

  @TempDir
  Path home;

  @Test
  void autoscalePostsAV1AutoscalerThatReadsBackInBothVersions() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    Files.writeString(home.resolve("app.yaml"), APP, StandardCharsets.UTF_8);
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(11).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(real.run("apply -f app.yaml").stdout()).isEqualTo("deployment.apps/podinfo created\n");
      assertThat(real.run("autoscale deployment podinfo --min=2 --max=4 --cpu-percent=80").stdout())
          .isEqualTo("horizontalpodautoscaler.autoscaling/podinfo autoscaled\n");
      assertThat(real.run("get hpa --no-headers").stdout())
          .startsWith("podinfo   Deployment/podinfo   cpu: <unknown>/80%   2     4     0     ");
      assertThat(real.run("get hpa podinfo -o jsonpath={.apiVersion}/{.spec.metrics[0].resource.target.averageUtilization}")
          .stdout()).isEqualTo("autoscaling/v2/80");
      assertThat(real.run("get horizontalpodautoscalers.v1.autoscaling podinfo -o jsonpath={.apiVersion}/"
          + "{.spec.targetCPUUtilizationPercentage}").stdout()).isEqualTo("autoscaling/v1/80");
      assertThat(real.run("autoscale deployment podinfo --max=4").stderr())
          .isEqualTo("Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling \"podinfo\" already exists\n");
    }
  }
}
