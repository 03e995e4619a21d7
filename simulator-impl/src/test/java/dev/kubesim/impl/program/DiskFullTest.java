package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.ExecResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A container's writable layer is bounded; writes beyond it fail as on a full disk. */
class DiskFullTest {
  private final Fixture fixture = new Fixture();
  private final RunningContainer debian =
      fixture.start("debian", b -> b.command(List.of("sleep", "999999")));
  private final RunningContainer busybox =
      fixture.start("busybox", b -> b.command(List.of("sleep", "999999")));

  private static ExecResult sh(RunningContainer c, String script) {
    return c.exec(List.of("sh", "-c", script));
  }

  /** Forty doublings of a 1 KiB file, each with the file twice on cat's command line. */
  private static String doublings() {
    StringBuilder s = new StringBuilder("head=0123456789abcdef; echo $head$head$head$head > /f0\n");
    for (int i = 0; i < 40; i++) {
      s.append("cat /f").append(i).append(" /f").append(i).append(" > /f").append(i + 1).append("; rm /f").append(i).append('\n');
    }
    return s.toString();
  }

  @Test
  void aFileDoubledFortyTimesFillsTheDiskAndCatSaysSo() {
    ExecResult r = sh(debian, doublings());
    assertThat(r.stderr()).contains("cat: write error: No space left on device\n");
    assertThat(debian.filesystem().used()).isLessThanOrEqualTo(ContainerFilesystem.CAPACITY);
  }

  private static void halfFull(RunningContainer c) {
    c.filesystem().install("/big", "x".repeat((int) (ContainerFilesystem.CAPACITY / 2 + 1)), false);
  }

  @Test
  void builtinsReportTheFullDiskInTheirShellsWords() {
    halfFull(debian);
    halfFull(busybox);
    assertThat(sh(debian, "cat /big /big > /full; echo hi > /more; echo st=$?").stdout()).isEqualTo("st=1\n");
    assertThat(sh(debian, "echo hi > /more2").stderr()).isEqualTo("sh: 1: echo: echo: I/O error\n");
    assertThat(sh(busybox, "cat /big /big > /full; echo hi > /more").stderr())
        .isEqualTo("cat: write error: No space left on device\nsh: write error: No space left on device\n");
    assertThat(debian.exec(List.of("bash", "-c", "echo hi > /more3")).stderr())
        .isEqualTo("bash: echo: write error: No space left on device\n");
  }

  @Test
  void removingAFileFreesItsSpace() {
    halfFull(debian);
    assertThat(sh(debian, "cat /big /big > /full").exitCode()).isEqualTo(1);
    long full = debian.filesystem().used();
    assertThat(full).isEqualTo(ContainerFilesystem.CAPACITY);
    assertThat(sh(debian, "rm /full; echo hi > /after; cat /after").stdout()).isEqualTo("hi\n");
    assertThat(debian.filesystem().used()).isLessThan(full).isEqualTo(3);
  }

  @Test
  void aWriteStoresWhatFitsThenFailsWithEnospc() throws FsException {
    ContainerFilesystem fs = new ContainerFilesystem(() -> Instant.EPOCH);
    fs.write("/a", "x".repeat((int) ContainerFilesystem.CAPACITY - 2));
    assertThatThrownBy(() -> fs.append("/a", "abcd"))
        .isInstanceOf(FsException.class)
        .hasMessage("/a: No space left on device");
    assertThat(fs.stat("/a").size()).isEqualTo(ContainerFilesystem.CAPACITY);
    fs.write("/a", "small");
    assertThat(fs.used()).isEqualTo(5);
  }
}
