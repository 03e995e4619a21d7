package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Container;
import dev.kubesim.impl.apiserver.ObjectKey;
import org.junit.jupiter.api.Test;

class ContainerRunTest {
  private static final ObjectKey POD = new ObjectKey("default", "web-1");

  private static ContainerRun run(String restartPolicy, boolean init) {
    Container spec = Container.builder().name("app").image("nginx").restartPolicy(restartPolicy).build();
    return new ContainerRun(spec, init);
  }

  @Test
  void anInstanceKeepsItsContainerIdAndARestartGetsANewOne() {
    ContainerRun c = run(null, false);
    c.startedAt = "2026-01-01T00:00:00Z";
    String first = c.containerId(POD);

    assertThat(first).startsWith("containerd://").hasSize("containerd://".length() + 64);
    assertThat(c.containerId(POD)).isEqualTo(first);

    c.restarts++;
    c.startedAt = "2026-01-01T00:00:10Z";
    assertThat(c.containerId(POD)).isNotEqualTo(first);
  }

  @Test
  void onlyAnInitContainerWithRestartPolicyAlwaysIsASidecar() {
    assertThat(run("Always", true).sidecar).isTrue();
    assertThat(run(null, true).sidecar).isFalse();
    assertThat(run("Always", false).sidecar).isFalse();
  }
}
