package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.HostShell;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl get -o go-template}, as the Kubernetes Basics tutorial and the docs use it: the
 * template after {@code =} or in {@code --template}, its aliases and files, over one object or the
 * {@code List} kubectl builds, and kubectl's errors.
 */
class GoTemplateOutputTest {
  private static final long SEED = 5;
  private final Cluster cluster = KubeSim.cluster().nodes(1).seed(SEED).build();

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    cluster.close();
  }

  private void bootcamp() {
    assertThat(cluster.kubectl("create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1")
        .exitCode()).isZero();
    assertThat(cluster.kubectl("expose deployment/kubernetes-bootcamp --type=\"NodePort\" --port 8080").exitCode()).isZero();
  }

  private List<String> podNames() {
    return cluster.pods("default", "app=kubernetes-bootcamp").stream().map(p -> p.metadata().nameOrEmpty()).sorted().toList();
  }

  @Test
  void theTutorialsPodNameAndNodePort() {
    bootcamp();
    KubectlResult pods = cluster.kubectl(
        "get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}'");
    assertThat(pods.exitCode()).as("seed %d", SEED).isZero();
    assertThat(pods.stdout()).isEqualTo(podNames().get(0) + "\n");
    assertThat(pods.stderr()).isEmpty();

    int nodePort = cluster.get(Service.class, "default", "kubernetes-bootcamp").orElseThrow().specOrEmpty().ports().get(0)
        .nodePort().orElseThrow();
    KubectlResult port = cluster.kubectl("get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}'");
    assertThat(port.exitCode()).isZero();
    assertThat(port.stdout()).isEqualTo(String.valueOf(nodePort));
  }

  @Test
  void theTutorialsLinesSetTheirVariablesInTheShell() {
    bootcamp();
    HostShell shell = cluster.hostShell(name -> Optional.empty());
    assertThat(shell.type("export POD_NAME=\"$(kubectl get pods -o go-template --template "
        + "'{{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}')\"").exitCode()).isZero();
    assertThat(shell.type("echo Name of the Pod: $POD_NAME").stdout()).isEqualTo("Name of the Pod: " + podNames().get(0) + "\n");
    assertThat(shell.type("export NODE_PORT=\"$(kubectl get services/kubernetes-bootcamp -o go-template="
        + "'{{(index .spec.ports 0).nodePort}}')\"").exitCode()).isZero();
    int nodePort = cluster.get(Service.class, "default", "kubernetes-bootcamp").orElseThrow().specOrEmpty().ports().get(0)
        .nodePort().orElseThrow();
    assertThat(shell.type("echo \"NODE_PORT=$NODE_PORT\"").stdout()).isEqualTo("NODE_PORT=" + nodePort + "\n");
  }

  @Test
  void aSecretsPasswordDecodes() {
    assertThat(cluster.kubectl("create secret generic db --from-literal=password=s3cr3t --from-literal=user=admin")
        .exitCode()).isZero();
    assertThat(cluster.kubectl("get secret db -o go-template='{{.data.password | base64decode}}'").stdout())
        .isEqualTo("s3cr3t");
    assertThat(cluster.kubectl(
        "get secret db -o go-template='{{range $k, $v := .data}}{{$k}}={{$v | base64decode}}{{\"\\n\"}}{{end}}'").stdout())
        .isEqualTo("password=s3cr3t\nuser=admin\n");
  }

  @Test
  void theFormatsAndFlagsThatNameATemplate() throws IOException {
    bootcamp();
    String pod = podNames().get(0);
    assertThat(cluster.kubectl("get pod " + pod + " -o template='{{.kind}}'").stdout()).isEqualTo("Pod");
    assertThat(cluster.kubectl("get pod " + pod + " -o=go-template={{.metadata.name}}").stdout()).isEqualTo(pod);
    assertThat(cluster.kubectl("get pod " + pod + " --template={{.kind}}").stdout()).isEqualTo("Pod");
    assertThat(cluster.kubectl("get pod " + pod + " -o template --template {{.kind}}").stdout()).isEqualTo("Pod");
    assertThat(cluster.kubectl("get pod " + pod + " -o jsonpath --template {.kind}").stdout()).isEqualTo("Pod");
    // --template with a format that takes none is ignored, as kubectl ignores it
    assertThat(cluster.kubectl("get pod " + pod + " -o name --template {{.kind}}").stdout()).isEqualTo("pod/" + pod + "\n");

    Path file = dir.resolve("phase.tmpl");
    Files.writeString(file, "{{.metadata.name}} {{.status.phase}}\n", StandardCharsets.UTF_8);
    assertThat(cluster.kubectl("get pod " + pod + " -o go-template-file=" + file).stdout()).isEqualTo(pod + " Running\n");
    assertThat(cluster.kubectl("get pod " + pod + " -o templatefile --template " + file).stdout())
        .isEqualTo(pod + " Running\n");
    Path jsonPath = dir.resolve("name.jsonpath");
    Files.writeString(jsonPath, "{.metadata.name}", StandardCharsets.UTF_8);
    assertThat(cluster.kubectl("get pod " + pod + " -o jsonpath-file=" + jsonPath).stdout()).isEqualTo(pod);
  }

  @Test
  void listsSelectorsAndSeveralTypesGiveTheListKubectlBuilds() {
    bootcamp();
    assertThat(cluster.kubectl("get deploy,svc -o go-template='{{.kind}} {{.apiVersion}} {{.metadata}} "
        + "{{range .items}}{{.kind}}/{{.metadata.name}} {{end}}'").stdout())
        .isEqualTo("List v1 map[resourceVersion:] Deployment/kubernetes-bootcamp Service/kubernetes Service/kubernetes-bootcamp ");
    assertThat(cluster.kubectl("get pods -l app=kubernetes-bootcamp -o go-template='{{len .items}}'").stdout())
        .isEqualTo("1");
    assertThat(cluster.kubectl("get pods -l app=nothing -o go-template='{{len .items}}'").stdout()).isEqualTo("0");
    assertThat(cluster.kubectl("get ns -A -o go-template='{{range .items}}{{.metadata.name}} {{end}}'").stdout())
        .contains("default kube-node-lease kube-public kube-system");
    assertThat(cluster.kubectl("get deploy kubernetes-bootcamp -o go-template='{{.spec.replicas}} "
        + "{{.spec.template.spec.containers}}'").stdout())
        .startsWith("1 [map[image:gcr.io/google-samples/kubernetes-bootcamp:v1 ");
  }

  @Test
  void missingKeysPrintNoValueUnlessRefused() {
    bootcamp();
    String pod = podNames().get(0);
    assertThat(cluster.kubectl("get pod " + pod + " -o go-template='{{.spec.nothing}}'").stdout()).isEqualTo("<no value>");
    KubectlResult refused = cluster.kubectl(
        "get pod " + pod + " -o go-template='x{{.spec.nothing}}' --allow-missing-template-keys=false");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stdout()).startsWith("xError executing template: template: output:1:8: executing \"output\" at "
        + "<.spec.nothing>: map has no entry for key \"nothing\". Printing more information for debugging the template:\n"
        + "\ttemplate was:\n\t\tx{{.spec.nothing}}\n\traw data was:\n\t\t{\"apiVersion\":\"v1\",\"kind\":\"Pod\",")
        .contains("\n\tobject given to template engine was:\n\t\tmap[apiVersion:v1 kind:Pod metadata:map[")
        .endsWith("]]\n\n");
    assertThat(refused.stderr()).isEqualTo("error: error executing template \"x{{.spec.nothing}}\": template: output:1:8: "
        + "executing \"output\" at <.spec.nothing>: map has no entry for key \"nothing\"\n");
  }

  @Test
  void badTemplatesGetKubectlsErrors() {
    bootcamp();
    KubectlResult parse = cluster.kubectl("get svc kubernetes-bootcamp -o go-template='{{.a}'");
    assertThat(parse.exitCode()).isEqualTo(1);
    assertThat(parse.stdout()).isEmpty();
    assertThat(parse.stderr()).isEqualTo("error: error parsing template {{.a}, template: output:1: bad character U+007D '}'\n");
    assertThat(cluster.kubectl("get svc kubernetes-bootcamp -o go-template='{{nofunc .}}'").stderr())
        .isEqualTo("error: error parsing template {{nofunc .}}, template: output:1: function \"nofunc\" not defined\n");
    assertThat(cluster.kubectl("get svc kubernetes-bootcamp -o go-template").stderr())
        .isEqualTo("error: template format specified but no template given\n");
    assertThat(cluster.kubectl("get svc kubernetes-bootcamp -o go-template=").stderr())
        .isEqualTo("error: template format specified but no template given\n");
    assertThat(cluster.kubectl("get svc kubernetes-bootcamp -o go-template=X --template Y").stderr())
        .startsWith("error: unable to match a printer suitable for the output format \"go-template=X\", allowed formats are: ");
    assertThat(cluster.kubectl("get svc kubernetes-bootcamp -o go-template-file=/no/such/file").stderr())
        .isEqualTo("error: error reading --template /no/such/file, open /no/such/file: no such file or directory\n");

    String pod = podNames().get(0);
    String template = "{{.kind}}{{range .status.conditions}}{{.lastProbeTime.x}}{{end}}";
    KubectlResult nil = cluster.kubectl("get pod " + pod + " -o go-template='" + template + "'");
    assertThat(nil.exitCode()).isEqualTo(1);
    assertThat(nil.stdout()).startsWith("PodError executing template: ");
    assertThat(nil.stderr()).isEqualTo("error: error executing template \"" + template + "\": template: output:1:53: "
        + "executing \"output\" at <.lastProbeTime.x>: nil pointer evaluating interface {}.x\n");
  }
}
