package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a process holds in memory is bounded: past it the process is killed (137), not the JVM. */
class MemoryLimitTest {
  private final Fixture fixture = new Fixture();
  private final RunningContainer debian =
      fixture.start("debian", b -> b.command(List.of("sleep", "999999")));

  @Test
  void aVariableDoubledFortyTimesKillsTheShell() {
    String script = "a=0123456789abcdef; " + "a=$a$a; ".repeat(40) + "echo never";
    ExecResult r = debian.exec(List.of("sh", "-c", script));
    assertThat(r.exitCode()).isEqualTo(RunningContainer.OOM_KILLED_STATUS);
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void aSubshellKilledForItsMemoryLeavesItsParentRunning() {
    String script = "(a=0123456789abcdef; " + "a=$a$a; ".repeat(40) + "); echo status=$?";
    assertThat(debian.exec(List.of("sh", "-c", script)).stdout()).isEqualTo("status=137\n");
  }

  @Test
  void catOfManyLargeFilesIsKilledBeforeTheJvmIs() {
    debian.filesystem().install("/big", "x".repeat((int) ContainerFilesystem.CAPACITY), false);
    assertThat(debian.exec(List.of("cat", "/big", "/big", "/big", "/big", "/big")).exitCode())
        .isEqualTo(RunningContainer.OOM_KILLED_STATUS);
  }
}
