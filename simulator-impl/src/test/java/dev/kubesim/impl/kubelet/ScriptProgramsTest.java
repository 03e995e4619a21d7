package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptProgramsTest {
  @Test
  void theFirstWordOfEachCommandIsAProgramUnlessTheShellRunsItItself() {
    assertThat(ScriptPrograms.of("nodetool status")).containsExactly("nodetool");
    assertThat(ScriptPrograms.of("/ready-probe.sh")).containsExactly("/ready-probe.sh");
    assertThat(ScriptPrograms.of("zookeeper-ready 2181")).containsExactly("zookeeper-ready");
    assertThat(ScriptPrograms.of("X=1 exec redis-cli ping | grep -q PONG && echo ok; test -f /x"))
        .containsExactly("redis-cli", "grep");
    assertThat(ScriptPrograms.of("if pg_isready -U \"$USER\"; then exit 0; fi")).containsExactly("pg_isready");
    assertThat(ScriptPrograms.of("[ \"$(curl -s localhost/health)\" = ok ]")).containsExactly("curl");
    assertThat(ScriptPrograms.of("echo 'a; b' > /tmp/x")).isEmpty();
  }
}
