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
 * The real {@code kubectl apply --server-side}: field managers own what they apply, a second
 * manager that would change a field the first owns gets kubectl's conflict error, and {@code
 * --force-conflicts} takes the field. {@code kubectl get -o yaml} hides the managed fields unless
 * asked.
 */
class RealKubectlServerSideApplyTest {
  private static final String APP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx
      """;

  @TempDir
  Path home;

  @Test
  void aSecondManagerConflictsUntilItForcesTheChange() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    Files.writeString(home.resolve("app.yaml"), APP, StandardCharsets.UTF_8);
    Files.writeString(home.resolve("scaled.yaml"), APP.replace("replicas: 2", "replicas: 3"), StandardCharsets.UTF_8);
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(11).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      RealKubectl.Result first = real.run("apply --server-side -f app.yaml");
      assertThat(first.stdout()).as(first.toString()).isEqualTo("deployment.apps/web serverside-applied\n");

      RealKubectl.Result again = real.run("apply --server-side -f app.yaml");
      assertThat(again.stdout()).as(again.toString()).isEqualTo("deployment.apps/web serverside-applied\n");

      RealKubectl.Result conflict = real.run("apply --server-side --field-manager=other -f scaled.yaml");
      assertThat(conflict.exitCode()).as(conflict.toString()).isEqualTo(1);
      assertThat(conflict.stderr()).as(conflict.toString()).isEqualTo("""
          error: Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas
          Please review the fields above--they currently have other managers. Here
          are the ways you can resolve this warning:
          * If you intend to manage all of these fields, please re-run the apply
            command with the `--force-conflicts` flag.
          * If you do not intend to manage all of the fields, please edit your
            manifest to remove references to the fields that should keep their
            current managers.
          * You may co-own fields by updating your manifest to match the existing
            value; in this case, you'll become the manager if the other manager(s)
            stop managing the field (remove it from their configuration).
          See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
          """);
      assertThat(real.run("get deploy web -o jsonpath={.spec.replicas}").stdout()).isEqualTo("2");

      RealKubectl.Result forced = real.run("apply --server-side --field-manager=other --force-conflicts -f scaled.yaml");
      assertThat(forced.stdout()).as(forced.toString()).isEqualTo("deployment.apps/web serverside-applied\n");
      assertThat(real.run("get deploy web -o jsonpath={.spec.replicas}").stdout()).isEqualTo("3");

      RealKubectl.Result yaml = real.run("get deploy web -o yaml");
      assertThat(yaml.stdout()).as(yaml.toString()).doesNotContain("managedFields");
      RealKubectl.Result shown = real.run("get deploy web -o yaml --show-managed-fields");
      assertThat(shown.stdout()).as(shown.toString()).contains("managedFields", "manager: kubectl", "manager: other",
          "operation: Apply", "f:replicas: {}");
    }
  }

  @Test
  void aClientSideAppliedObjectMovesToServerSideApply() throws IOException {
    Path binary = RealKubectl.binaryOrSkip();
    Files.writeString(home.resolve("app.yaml"), APP, StandardCharsets.UTF_8);
    Files.writeString(home.resolve("scaled.yaml"), APP.replace("replicas: 2", "replicas: 3"), StandardCharsets.UTF_8);
    try (SimCluster served = (SimCluster) KubeSim.cluster().seed(11).build()) {
      ServedApi api = served.serve();
      RealKubectl real = new RealKubectl(binary, home, api.kubeconfig());
      assertThat(real.run("apply -f app.yaml").stdout()).isEqualTo("deployment.apps/web created\n");
      RealKubectl.Result same = real.run("apply --server-side -f app.yaml");
      assertThat(same.stdout()).as(same.toString()).isEqualTo("deployment.apps/web serverside-applied\n");
      RealKubectl.Result moved = real.run("apply --server-side -f scaled.yaml");
      assertThat(moved.stdout()).as(moved.toString()).isEqualTo("deployment.apps/web serverside-applied\n");
      assertThat(real.run("get deploy web -o jsonpath={.spec.replicas}").stdout()).isEqualTo("3");
      RealKubectl.Result managers = real.run("get deploy web --show-managed-fields -o jsonpath={.metadata.managedFields[*].manager}");
      assertThat(managers.stdout()).as("kubectl moved the client-side applier's fields to itself")
          .isEqualTo("kubectl kubectl-last-applied");
      assertThat(real.run("apply view-last-applied deploy web -o json").stdout())
          .as("the server keeps the client-side apply annotation up to date").contains("\"replicas\": 3");
    }
  }
}
