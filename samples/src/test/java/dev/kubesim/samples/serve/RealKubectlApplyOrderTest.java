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
 * One {@code kubectl apply} whose documents come in an order that makes a controller fail at first
 * (a Deployment before the ServiceAccount its pods run as, as Online Boutique's manifest has them):
 * the ReplicaSet controller retries as its rate limiter lets it, and by the next command the pods
 * are there, as in a real cluster a few milliseconds later.
 */
class RealKubectlApplyOrderTest {
  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop
      spec:
        selector:
          matchLabels: {app: shop}
        template:
          metadata:
            labels: {app: shop}
          spec:
            serviceAccountName: shop
            containers:
            - name: shop
              image: luksa/kubia
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: shop
      spec:
        selector: {app: shop}
        ports:
        - port: 80
          targetPort: 8080
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: shop
      """;

  @TempDir
  Path home;

  @Test
  void aDeploymentAppliedBeforeItsServiceAccountHasItsPodByTheNextCommand() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    Files.writeString(home.resolve("app.yaml"), APP, StandardCharsets.UTF_8);
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(11).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(real.run("apply -f app.yaml").stdout())
          .isEqualTo("deployment.apps/shop created\nservice/shop created\nserviceaccount/shop created\n");
      assertThat(real.run("get deploy shop --no-headers").stdout()).startsWith("shop   1/1   1     1");
      assertThat(real.run("get events --field-selector reason=FailedCreate -o name").stdout())
          .as("the first try, before the ServiceAccount existed").isNotEmpty();
      assertThat(real.run("get endpoints shop -o jsonpath={.subsets[0].addresses[0].targetRef.name}").stdout())
          .startsWith("shop-");
    }
  }
}
