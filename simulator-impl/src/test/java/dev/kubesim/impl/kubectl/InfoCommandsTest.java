package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import org.junit.jupiter.api.Test;

class InfoCommandsTest {
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void versionShowsClientKustomizeAndServer() {
    assertThat(k.output("kubectl version"))
        .isEqualTo("Client Version: v1.34.0\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n");
    assertThat(k.output("version --client")).isEqualTo("Client Version: v1.34.0\nKustomize Version: v5.7.1\n");
  }

  @Test
  void clusterInfoNamesTheControlPlaneAndCoreDns() {
    assertThat(k.output("cluster-info")).isEqualTo(
        "Kubernetes control plane is running at https://192.168.49.2:6443\n"
            + "CoreDNS is running at https://192.168.49.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n"
            + "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  }

  @Test
  void apiResourcesListsCoreKindsFirstWithShortNames() {
    String out = k.output("api-resources");
    assertThat(out).startsWith("NAME ").contains("SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND");
    assertThat(out).containsPattern("\npods {3,}po {3,}v1 {3,}true {3,}Pod\n");
    assertThat(out).containsPattern("\ndeployments {3,}deploy {3,}apps/v1 {3,}true {3,}Deployment\n");
    assertThat(out.indexOf("\nservices ")).isLessThan(out.indexOf("\ndeployments "));
    assertThat(k.output("api-resources --namespaced=false -o name")).contains("nodes\n", "ingressclasses.networking.k8s.io\n")
        .doesNotContain("pods");
  }

  @Test
  void unknownCommandIsReportedWithSuggestions() {
    KubectlResult r = k.run("gte pods");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Error: unknown command \"gte\" for \"kubectl\"\n\nDid you mean this?\n\tget\n");
    assertThat(k.run("frobnicate").stderr()).isEqualTo("Error: unknown command \"frobnicate\" for \"kubectl\"\n");
  }

  @Test
  void commandsOfOtherWorkSayTheyAreNotSupportedYet() {
    KubectlResult r = k.run("cp kubia-x:/tmp/a ./a");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).isEqualTo("error: kubectl cp is not supported by this simulator yet\n");
    assertThat(k.run("edit svc kubia").stderr()).isEqualTo("error: kubectl edit is not supported by this simulator yet\n");
  }

  @Test
  void globalNamespaceFlagMayComeBeforeTheCommand() {
    assertThat(k.output("-n kube-system get svc -o name")).isEqualTo("service/kube-dns\n");
  }

  @Test
  void unknownFlagIsReportedWithTheUsageHint() {
    KubectlResult r = k.run("get pods --foo");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
  }

  @Test
  void helpListsTheCommandsKubesimRunsInKubectlsOwnSections() {
    String help = k.output("help");

    assertThat(help).isEqualTo(k.output("kubectl")).startsWith("kubectl controls the Kubernetes cluster manager.\n")
        .contains("Troubleshooting and Debugging Commands:\n  describe ", "  port-forward    Forward one or more local ports to a pod\n",
            "  kustomize       Build a kustomization target from a directory or URL\n", "  config          Modify kubeconfig files\n",
            "Basic Commands (Intermediate):\n  explain         Get documentation for a resource\n  get ")
        .doesNotContain("  edit ", "plugins");
    assertThat(k.output("help get")).startsWith("Usage:\n  kubectl get [options]");
  }
}
