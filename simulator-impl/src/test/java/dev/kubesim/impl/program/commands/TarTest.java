package dev.kubesim.impl.program.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import org.junit.jupiter.api.Test;

/** tar in a BusyBox container and on GNU's userland, as kubectl cp and scripts run it. */
class TarTest extends ContainerCommands {
  @Test
  void anArchiveCreatedOnStandardOutputListsAndExtractsElsewhere() {
    ExecResult listed = busybox("mkdir -p /tmp/d/sub && echo a > /tmp/d/a && echo b > /tmp/d/sub/b"
        + " && tar cf - -C /tmp d | tar tf -");
    assertThat(listed.stdout()).isEqualTo("d/\nd/a\nd/sub/\nd/sub/b\n");
    ExecResult copied = busybox("mkdir -p /tmp/e && tar cf - -C /tmp d | tar -xmf - -C /tmp/e && cat /tmp/e/d/sub/b");
    assertThat(copied.stdout()).isEqualTo("b\n");
    assertThat(copied.exitCode()).isZero();
  }

  @Test
  void anArchiveFileRoundTripsWithOldStyleOptions() {
    ExecResult r = gnu("mkdir -p /tmp/t && printf 'x\\ny\\n' > /tmp/t/f && cd /tmp && tar cf t.tar t"
        + " && rm /tmp/t/f && tar xvf t.tar && cat /tmp/t/f");
    assertThat(r.stdout()).isEqualTo("t/\nt/f\nx\ny\n");
  }

  @Test
  void leadingSlashesAreRemovedWithEachTarsNotice() {
    assertThat(gnu("mkdir -p /tmp/s && touch /tmp/s/f && tar cf - /tmp/s/f | tar tf -").stderr())
        .isEqualTo("tar: Removing leading `/' from member names\n");
    assertThat(busybox("touch /tmp/f && tar cf - /tmp/f > /dev/null").stderr())
        .isEqualTo("tar: removing leading '/' from member names\n");
  }

  @Test
  void whatIsMissingOrNoArchiveIsRefusedInEachTarsWords() {
    ExecResult missing = gnu("tar cf - /nope > /dev/null");
    assertThat(missing.stderr()).isEqualTo("tar: Removing leading `/' from member names\n"
        + "tar: /nope: Cannot stat: No such file or directory\n"
        + "tar: Exiting with failure status due to previous errors\n");
    assertThat(missing.exitCode()).isEqualTo(2);
    ExecResult junk = gnu("echo hello | tar tf -");
    assertThat(junk.stderr()).isEqualTo("tar: This does not look like a tar archive\n"
        + "tar: Exiting with failure status due to previous errors\n");
    assertThat(junk.exitCode()).isEqualTo(2);
    assertThat(busybox("tar cf - /nope > /dev/null").exitCode()).isEqualTo(1);
  }
}
