package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl create configmap} and {@code create secret generic}, as kubectl v1.32 prints them (seed 1). */
class CreateDataCommandsTest {
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void aDirectoryGivesAKeyPerRegularFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ui.properties"), "color.good=purple\n");
    Files.writeString(dir.resolve("game.properties"), "enemies=aliens\n");
    Files.createDirectory(dir.resolve("nested"));
    assertThat(k.output("create configmap game-config --from-file=" + dir + " --dry-run=client -o yaml")).isEqualTo("""
        apiVersion: v1
        data:
          game.properties: |
            enemies=aliens
          ui.properties: |
            color.good=purple
        kind: ConfigMap
        metadata:
          creationTimestamp: null
          name: game-config
        """);
    assertThat(k.output("create configmap x --from-file=k=" + dir)).isEqualTo("error: cannot give a key name for a directory path\n");
  }

  @Test
  void configMapFromLiteralsAndFilesAsAClientDryRun(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("greeting.txt"), "hello\n");
    assertThat(k.output("create configmap kiada-config --from-literal=status-message=hi --from-file=" + file
        + " --from-file=k2=" + file + " --dry-run=client -o yaml")).isEqualTo("""
        apiVersion: v1
        data:
          greeting.txt: |
            hello
          k2: |
            hello
          status-message: hi
        kind: ConfigMap
        metadata:
          creationTimestamp: null
          name: kiada-config
        """);
    assertThat(k.output("create configmap y --from-literal=a=1 --dry-run=client")).isEqualTo("configmap/y created (dry run)\n");
    assertThat(k.output("get cm y")).isEqualTo("Error from server (NotFound): configmaps \"y\" not found\n");
  }

  @Test
  void configMapFromAnEnvFileIsCreated(@TempDir Path dir) throws Exception {
    Path env = Files.writeString(dir.resolve("app.env"), "# settings\n\n  MODE=fast\nGREETING=hi there\n");
    assertThat(k.output("create configmap settings --from-env-file=" + env)).isEqualTo("configmap/settings created\n");
    assertThat(k.output("get cm settings -o yaml")).contains("data:\n  GREETING: hi there\n  MODE: fast\n");
  }

  @Test
  void secretGenericIsBase64AndOpaqueOnceStored() {
    assertThat(k.output("create secret generic creds --from-literal=user=admin --dry-run=client -o yaml")).isEqualTo("""
        apiVersion: v1
        data:
          user: YWRtaW4=
        kind: Secret
        metadata:
          creationTimestamp: null
          name: creds
        """);
    assertThat(k.output("create secret generic creds --from-literal=user=admin")).isEqualTo("secret/creds created\n");
    assertThat(k.output("get secret creds")).matches("NAME {4}TYPE {5}DATA {3}AGE\ncreds {3}Opaque {3}1 {6}[0-9]+s\n");
  }

  @Test
  void badSourcesGetKubectlsErrors() {
    KubectlResult r = k.run("create configmap x --from-literal=a");
    assertThat(r.stderr()).isEqualTo("error: invalid literal source a, expected key=value\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(k.output("create configmap x --from-literal=a=1 --from-literal=a=2"))
        .isEqualTo("error: cannot add key \"a\", another key by that name already exists in Data for ConfigMap \"x\"\n");
    assertThat(k.output("create secret generic x --from-literal=a=1 --from-literal=a=2"))
        .isEqualTo("error: cannot add key a, another key by that name already exists\n");
    assertThat(k.output("create configmap x --from-file=/nonexistent/file"))
        .isEqualTo("error: error reading /nonexistent/file: no such file or directory\n");
    assertThat(k.output("create configmap x --from-env-file=/nonexistent/env --from-literal=a=1"))
        .isEqualTo("error: from-env-file cannot be combined with from-file or from-literal\n");
    assertThat(k.output("create configmap x --from-literal=a/b=1")).startsWith(
        "error: \"a/b\" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters");
    assertThat(k.output("create configmap")).isEqualTo(
        "error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n");
  }
}
