package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code if}, {@code for}, {@code while} and {@code until}, run at once and stepped in virtual time. */
class ShellCompoundTest {
  private final Fixture fixture = new Fixture();

  private ExecResult sh(String script) {
    return fixture.start("busybox", b -> b.command(List.of("sleep", "3600"))).exec(List.of("sh", "-c", script));
  }

  @Test
  void ifTakesTheFirstBranchWhoseConditionSucceeds() {
    assertThat(sh("if false; then echo a; elif true; then echo b; else echo c; fi").stdout()).isEqualTo("b\n");
    assertThat(sh("if false; then echo a; else echo c; fi").stdout()).isEqualTo("c\n");
    assertThat(sh("if false; then echo a; fi; echo $?").stdout()).isEqualTo("0\n");
  }

  @Test
  void forGoesThroughItsWordsWithBreakAndContinue() {
    assertThat(sh("for i in $(seq 1 5); do if [ $i -eq 2 ]; then continue; fi; if [ $i -eq 4 ]; then break; fi; echo $i; done").stdout())
        .isEqualTo("1\n3\n");
    assertThat(sh("for w in a 'b c'; do echo \"<$w>\"; done").stdout()).isEqualTo("<a>\n<b c>\n");
  }

  @Test
  void whileAndUntilLoopOnTheirCondition() {
    assertThat(sh("n=x; while [ $n != xxx ]; do n=${n}x; echo $n; done").stdout()).isEqualTo("xx\nxxx\n");
    assertThat(sh("touch /tmp/x; until [ ! -f /tmp/x ]; do rm /tmp/x; echo removed; done").stdout()).isEqualTo("removed\n");
  }

  @Test
  void setEDoesNotStopAtAFailingCondition() {
    ExecResult r = fixture.start("busybox", b -> b.command(List.of("sleep", "3600")))
        .exec(List.of("sh", "-ec", "if false; then echo no; fi; while false; do :; done; echo reached"));
    assertThat(r.stdout()).isEqualTo("reached\n");
  }

  @Test
  void aLoopThatNeverEndsAndTakesNoTimeRunsForever() {
    assertThat(sh("while true; do :; done").runsForever()).isTrue();
  }

  @Test
  void aMainProcessLoopWaitsInVirtualTimeBetweenRounds() {
    RunningContainer c = fixture.start("busybox", b -> b.command(List.of("sh", "-c",
        "until [ -f /tmp/go ]; do echo waiting; sleep 2; done; echo started")));
    MainProcessRun run = c.mainProcess();
    assertThat(run.nextWait()).isEqualTo(Duration.ofSeconds(2));
    run.resume();
    assertThat(run.nextWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.logText()).isEqualTo("waiting\nwaiting\n");
    c.exec(List.of("touch", "/tmp/go"));
    run.resume();
    assertThat(run.finished()).isTrue();
    assertThat(run.exitCode()).isZero();
    assertThat(c.logText()).isEqualTo("waiting\nwaiting\nstarted\n");
  }

  @Test
  void aMainProcessForLoopExitsFromInsideItsBody() {
    RunningContainer c = fixture.start("busybox", b -> b.command(List.of("sh", "-c",
        "for i in 1 2 3; do echo try $i; if [ $i -eq 2 ]; then exit 7; fi; sleep 10; done")));
    MainProcessRun run = c.mainProcess();
    assertThat(run.nextWait()).isEqualTo(Duration.ofSeconds(10));
    run.resume();
    assertThat(run.finished()).isTrue();
    assertThat(run.exitCode()).isEqualTo(7);
    assertThat(c.logText()).isEqualTo("try 1\ntry 2\n");
  }

  @Test
  void setXTracesEachCommandAfterExpansion() {
    ExecResult r = fixture.start("busybox", b -> b.command(List.of("sleep", "3600")))
        .exec(List.of("sh", "-xc", "A='a b'; echo $A done"));
    assertThat(r.stdout()).isEqualTo("a b done\n");
    assertThat(r.stderr()).isEqualTo("+ A='a b'\n+ echo a b done\n");
  }
}
