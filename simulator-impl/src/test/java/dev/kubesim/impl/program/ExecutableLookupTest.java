package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PATH lookups are remembered per container, and looked up again once the filesystem changes. */
class ExecutableLookupTest {
  private final Fixture fixture = new Fixture();
  private final RunningContainer kubia = fixture.start("luksa/kubia");

  private ExecResult sh(String script) {
    return kubia.exec(List.of("sh", "-c", script));
  }

  @Test
  void aScriptInstalledAfterAFailedLookupIsFoundOnTheNextOne() {
    assertThat(kubia.exec(List.of("sh", "-c", "hello")).exitCode()).isEqualTo(127);

    assertThat(sh("echo '#!/bin/sh' > /usr/local/bin/hello && echo 'echo hi' >> /usr/local/bin/hello"
        + " && chmod +x /usr/local/bin/hello").exitCode()).isZero();

    assertThat(sh("hello")).isEqualTo(ExecResult.ok("hi\n"));
  }

  @Test
  void aScriptEarlierInPathShadowsTheCommandOnceInstalled() {
    assertThat(sh("hostname")).isEqualTo(ExecResult.ok("kubia-x7k2p\n"));

    sh("echo '#!/bin/sh' > /usr/local/bin/hostname && echo 'echo shadowed' >> /usr/local/bin/hostname"
        + " && chmod +x /usr/local/bin/hostname");

    assertThat(sh("hostname")).isEqualTo(ExecResult.ok("shadowed\n"));
    sh("rm /usr/local/bin/hostname");
    assertThat(sh("hostname")).isEqualTo(ExecResult.ok("kubia-x7k2p\n"));
  }
}
