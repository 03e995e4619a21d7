package dev.kubesim.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.samples.lab.LabRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubesim shell} at a terminal: JLine's line reader in front of the lab runner, and Tab completion. */
class InteractiveShellTest {
  private final Cluster cluster = KubeSim.cluster().seed(5).nodes(2).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void linesTypedAtTheTerminalRunUntilExitAndBangsAreNotHistoryEvents() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    String typed = "kubectl create ns shop\nX='!!'; echo \"$X\"\nexit\nkubectl create ns never\n";
    try (Terminal terminal = new org.jline.terminal.impl.DumbTerminal("test", "dumb",
        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
      PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
      new InteractiveShell(terminal, new LabRunner(cluster, name -> Optional.empty(), out), cluster).run();
    }

    String shown = screen.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("namespace/shop created", "!!\n").doesNotContain("never");
    assertThat(cluster.kubectl("get ns never").succeeded()).isFalse();
  }

  @Test
  void tabCompletesCommandsTypesAndTheNamesOfObjects() {
    cluster.kubectl("create ns shop");
    cluster.kubectl("create configmap settings --from-literal=a=b -n shop");
    ShellCompleter completer = new ShellCompleter(cluster);

    assertThat(completer.words(List.of())).contains("kubectl", "advance", "get");
    assertThat(completer.words(List.of("kubectl"))).contains("get", "exec", "port-forward");
    assertThat(completer.words(List.of("kubectl", "get"))).contains("pods", "po", "deployments", "deploy", "configmaps");
    assertThat(completer.words(List.of("kubectl", "get", "configmaps", "-n", "shop"))).contains("settings");
    assertThat(completer.words(List.of("kubectl", "-n"))).contains("default", "kube-system", "shop");
    assertThat(completer.words(List.of("get", "ns"))).contains("shop");
  }
}
