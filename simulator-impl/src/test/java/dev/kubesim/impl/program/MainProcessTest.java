package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainProcessTest {
  private final Fixture fixture = new Fixture();

  @Test
  void serversRunUntilSignalled() {
    MainProcessRun run = fixture.start("luksa/kubia").mainProcess();
    assertThat(run.finished()).isFalse();
    assertThat(run.runsUntilSignalled()).isTrue();
    assertThat(run.nextWait()).isEqualTo(ExecResult.FOREVER);
  }

  @Test
  void aSleepingClientEndsAfterItsSleep() {
    MainProcessRun run =
        fixture.start("busybox", b -> b.command(List.of("sleep", "3600"))).mainProcess();
    assertThat(run.finished()).isFalse();
    assertThat(run.nextWait()).isEqualTo(Duration.ofHours(1));
    run.resume();
    assertThat(run.finished()).isTrue();
    assertThat(run.exitCode()).isZero();
    MainProcessRun forever = fixture.start("tutum/dnsutils",
        b -> b.command(List.of("sleep", "infinity"))).mainProcess();
    assertThat(forever.runsUntilSignalled()).isTrue();
  }

  @Test
  void busyboxWithoutACommandExitsAtOnce() {
    MainProcessRun run = fixture.start("busybox").mainProcess();
    assertThat(run.finished()).isTrue();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void theLivenessExampleRemovesItsFileAfterThirtySeconds() {
    RunningContainer c = fixture.start("busybox", b -> b.args(List.of("/bin/sh", "-c",
        "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600")));
    MainProcessRun run = c.mainProcess();
    assertThat(c.exec(List.of("cat", "/tmp/healthy")).exitCode()).isZero();
    assertThat(run.nextWait()).isEqualTo(Duration.ofSeconds(30));
    fixture.advance(Duration.ofSeconds(30));
    run.resume();
    assertThat(c.exec(List.of("cat", "/tmp/healthy")).exitCode()).isEqualTo(1);
    assertThat(run.nextWait()).isEqualTo(Duration.ofSeconds(600));
    run.resume();
    assertThat(run.finished()).isTrue();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void mainProcessOutputGoesToTheLogs() {
    RunningContainer c = fixture.start("alpine", b -> b.command(List.of("sh", "-c",
        "echo started; sleep 5; echo done; exit 3")));
    MainProcessRun run = c.mainProcess();
    assertThat(c.logText()).isEqualTo("started\n");
    fixture.advance(Duration.ofSeconds(5));
    run.resume();
    assertThat(c.logText()).isEqualTo("started\ndone\n");
    assertThat(c.logs().get(1).time()).isEqualTo(java.time.Instant.parse("2025-01-01T00:00:05Z"));
    assertThat(run.finished()).isTrue();
    assertThat(run.exitCode()).isEqualTo(3);
  }

  @Test
  void aMissingExecutableCannotStart() {
    MainProcessRun run = fixture.start("busybox", b -> b.command(List.of("nosuch"))).mainProcess();
    assertThat(run.finished()).isTrue();
    assertThat(run.exitCode()).isEqualTo(128);
    assertThat(run.startError()).hasValueSatisfying(m ->
        assertThat(m).endsWith("exec: \"nosuch\": executable file not found in $PATH: unknown"));
  }
}
