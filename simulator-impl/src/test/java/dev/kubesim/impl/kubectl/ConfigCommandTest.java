package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import org.junit.jupiter.api.Test;

/** {@code kubectl config}: the kubeconfig's contexts, and the namespace of the current one. */
class ConfigCommandTest {
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void aFreshKubeconfigHasOneContextForTheCluster() {
    assertThat(k.output("config current-context")).isEqualTo("kubesim\n");
    assertThat(k.output("config get-contexts")).isEqualTo(
        "CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n"
            + "*         kubesim   kubesim   kubesim    \n");
    assertThat(k.output("config get-contexts -o name")).isEqualTo("kubesim\n");
    assertThat(k.output("config view")).isEqualTo("""
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: DATA+OMITTED
            server: https://192.168.49.2:6443
          name: kubesim
        contexts:
        - context:
            cluster: kubesim
            user: kubesim
          name: kubesim
        current-context: kubesim
        kind: Config
        preferences: {}
        users:
        - name: kubesim
          user:
            client-certificate-data: DATA+OMITTED
            client-key-data: DATA+OMITTED
        """);
  }

  @Test
  void settingTheCurrentContextsNamespaceMakesItTheDefaultOfLaterCommands() {
    k.output("create namespace shop");

    assertThat(k.output("config set-context --current --namespace=shop")).isEqualTo("Context \"kubesim\" modified.\n");
    assertThat(k.output("create configmap settings --from-literal=a=b")).isEqualTo("configmap/settings created\n");
    assertThat(k.output("apply -f -", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: applied}\n"))
        .isEqualTo("configmap/applied created\n");

    assertThat(k.output("get cm settings applied -o name")).isEqualTo("configmap/settings\nconfigmap/applied\n");
    assertThat(k.output("get cm settings -n shop -o jsonpath={.metadata.namespace}")).isEqualTo("shop");
    assertThat(k.run("get cm settings -n default").stderr())
        .isEqualTo("Error from server (NotFound): configmaps \"settings\" not found\n");
    assertThat(k.output("config view --minify -o jsonpath={..namespace}")).isEqualTo("shop");
    assertThat(k.run("get pods").stderr()).isEqualTo("No resources found in shop namespace.\n");
  }

  @Test
  void contextsAreCreatedSwitchedRenamedAndDeletedWithKubectlsMessages() {
    assertThat(k.output("config set-context dev --cluster=kubesim --user=kubesim --namespace=dev"))
        .isEqualTo("Context \"dev\" created.\n");
    assertThat(k.output("config use-context dev")).isEqualTo("Switched to context \"dev\".\n");
    assertThat(k.output("config rename-context dev development")).isEqualTo("Context \"dev\" renamed to \"development\".\n");
    assertThat(k.output("config current-context")).isEqualTo("development\n");
    assertThat(k.run("config use-context nope").stderr()).isEqualTo("error: no context exists with the name: \"nope\"\n");
    assertThat(k.run("config set-context").stderr())
        .isEqualTo("error: you must specify a non-empty context name or --current\n");

    KubectlResult deleted = k.run("config delete-context development");
    assertThat(deleted.stdout()).isEqualTo("deleted context development from /root/.kube/config\n");
    assertThat(deleted.stderr()).startsWith("warning: this removed your active context");
    assertThat(k.run("get pods").stderr())
        .isEqualTo("Error in configuration: context was not found for specified context: development\n");
    assertThat(k.output("config use-context kubesim")).isEqualTo("Switched to context \"kubesim\".\n");
    assertThat(k.run("get pods").exitCode()).isZero();
  }

  @Test
  void aContextWithoutAClusterReachesNoServer() {
    k.output("config set-context empty --namespace=x");
    k.output("config use-context empty");

    assertThat(k.run("get pods").stderr())
        .isEqualTo("The connection to the server localhost:8080 was refused - did you specify the right host or port?\n");
  }
}
