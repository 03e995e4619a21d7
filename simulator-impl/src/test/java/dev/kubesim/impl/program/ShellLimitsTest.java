package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recursion inside a container ends as it does under a pids limit or a stack that runs out: the
 * fork fails in the shell's words, or the shell dies of SIGSEGV (139); nothing escapes.
 */
class ShellLimitsTest {
  private final Fixture fixture = new Fixture();
  private final RunningContainer busybox =
      fixture.start("busybox", b -> b.command(List.of("sleep", "999999")));
  private final RunningContainer debian =
      fixture.start("debian", b -> b.command(List.of("sleep", "999999")));

  private static ExecResult sh(RunningContainer c, String script) {
    return c.exec(List.of("sh", "-c", script));
  }

  private static String nestedSubstitutions(int n) {
    return "echo " + "$(echo ".repeat(n) + "hi" + ")".repeat(n);
  }

  @Test
  void substitutionsNestedWithinThePidsLimitRun() {
    assertThat(sh(debian, nestedSubstitutions(RunningContainer.PIDS_LIMIT - 1))).isEqualTo(ExecResult.ok("hi\n"));
  }

  @Test
  void threeThousandNestedSubstitutionsFailToForkAtTheLimit() {
    // the innermost shell that cannot fork reports it and exits 2; the outer ones carry on
    String script = "echo " + "$(".repeat(3000) + "echo hi" + ")".repeat(3000);
    assertThat(sh(debian, script)).isEqualTo(new ExecResult("\n", "sh: 1: Cannot fork\n", 0, Duration.ZERO));
    assertThat(sh(busybox, script))
        .isEqualTo(new ExecResult("\n", "sh: can't fork: Resource temporarily unavailable\n", 0, Duration.ZERO));
  }

  @Test
  void aScriptThatRunsItselfStopsWhereTheForkFails() {
    assertThat(sh(debian, "echo 'sh /tmp/s.sh' > /tmp/s.sh; sh /tmp/s.sh; echo st=$?"))
        .isEqualTo(new ExecResult("st=2\n", "/tmp/s.sh: 1: Cannot fork\n", 0, Duration.ZERO));
  }

  @Test
  void bashRetriesTheForkFourTimesThenGivesUp() {
    ExecResult r = debian.exec(List.of("bash", "-c", "echo 'bash /tmp/b.sh' > /tmp/b.sh; bash /tmp/b.sh; echo st=$?"));
    String retry = "/tmp/b.sh: fork: retry: Resource temporarily unavailable\n";
    assertThat(r.stdout()).isEqualTo("st=254\n");
    assertThat(r.stderr()).isEqualTo(retry.repeat(4) + "/tmp/b.sh: fork: Resource temporarily unavailable\n");
    assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void twentyThousandNestedSubshellsOutgrowTheParser() {
    String script = "(".repeat(20_000) + "echo hi" + ")".repeat(20_000);
    // dash and ash recurse until SIGSEGV; bash's parser stack overflows into a syntax error
    assertThat(sh(debian, script)).isEqualTo(ExecResult.failure(139, ""));
    assertThat(sh(busybox, script)).isEqualTo(ExecResult.failure(139, ""));
    assertThat(debian.exec(List.of("bash", "-c", script)))
        .isEqualTo(ExecResult.failure(2, "bash: -c: line 1: syntax error near unexpected token `('\n"));
  }

  @Test
  void deeplyNestedParameterExpansionCrashesTheShell() {
    String script = "echo \"" + "${a:-".repeat(5_000) + "x" + "}".repeat(5_000) + "\"";
    assertThat(sh(debian, script)).isEqualTo(ExecResult.failure(139, ""));
    assertThat(sh(debian, "echo \"" + "${a:-".repeat(50) + "x" + "}".repeat(50) + "\"")).isEqualTo(ExecResult.ok("x\n"));
  }

  @Test
  void theForkCountIsReturnedSoTheContainerKeepsWorking() {
    for (int i = 0; i < 3; i++) {
      sh(debian, "echo " + "$(".repeat(300) + "echo hi" + ")".repeat(300));
    }
    assertThat(sh(debian, nestedSubstitutions(RunningContainer.PIDS_LIMIT - 1))).isEqualTo(ExecResult.ok("hi\n"));
  }

  @Test
  void aMainProcessThatRunsItselfEnds() {
    RunningContainer c = fixture.start("debian", b -> b.command(List.of("sh", "-c",
        "echo 'sh /tmp/s.sh' > /tmp/s.sh; sh /tmp/s.sh")));
    MainProcessRun main = c.mainProcess();
    assertThat(main.finished()).isTrue();
    assertThat(main.exitCode()).isEqualTo(2);
    assertThat(c.logText()).isEqualTo("/tmp/s.sh: 1: Cannot fork\n");
  }
}
