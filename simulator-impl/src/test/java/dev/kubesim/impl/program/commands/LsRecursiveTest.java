package dev.kubesim.impl.program.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LsRecursiveTest extends ContainerCommands {
  @Test
  void aRecursiveListingShowsEachDirectoryUnderItsPathDepthFirst() {
    String tree = "mkdir -p /tmp/r/a/deep /tmp/r/b && touch /tmp/r/f /tmp/r/a/x /tmp/r/a/deep/y && ";
    assertThat(cluster.external().exec("sh", "-c", tree + "cd /tmp && ls -R r").stdout()).isEqualTo("""
        r:
        a
        b
        f

        r/a:
        deep
        x

        r/a/deep:
        y

        r/b:
        """);
    assertThat(cluster.exec("default/busybox", "", java.util.List.of("sh", "-c", tree + "ls -R /tmp/r/a")).stdout())
        .isEqualTo("/tmp/r/a:\ndeep\nx\n\n/tmp/r/a/deep:\ny\n");
  }
}
