package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Volumes mounted into containers' filesystems: shared trees, read-only mounts, subPaths. */
class VolumeMountTest {
  private final ContainerFilesystem volume = new ContainerFilesystem(() -> Instant.EPOCH);
  private final ContainerFilesystem one = new ContainerFilesystem(() -> Instant.EPOCH);
  private final ContainerFilesystem two = new ContainerFilesystem(() -> Instant.EPOCH);

  @Test
  void twoContainersShareWhatIsWrittenInAVolume() throws FsException {
    one.mount("/data", volume, "", false);
    two.mount("/mnt/shared", volume, "", false);
    one.write("/data/note", "hello");
    assertThat(two.read("/mnt/shared/note")).isEqualTo("hello");
    assertThat(two.list("/mnt/shared")).containsExactly("note");
    assertThat(two.list("/mnt")).containsExactly("shared");
    assertThat(volume.read("/note")).isEqualTo("hello");
  }

  @Test
  void aReadOnlyMountRefusesWritesWithErofs() throws FsException {
    volume.install("/key", "value", false);
    one.mount("/etc/config", volume, "", true);
    assertThat(one.read("/etc/config/key")).isEqualTo("value");
    for (ThrowingWrite write : List.<ThrowingWrite>of(
        () -> one.write("/etc/config/key", "x"),
        () -> one.touch("/etc/config/new"),
        () -> one.mkdir("/etc/config/dir"),
        () -> one.remove("/etc/config/key"))) {
      assertThatThrownBy(write::run).isInstanceOfSatisfying(FsException.class,
          e -> assertThat(e.errno()).isEqualTo(Errno.EROFS));
    }
    assertThat(Errno.EROFS.message()).isEqualTo("Read-only file system");
  }

  @Test
  void aSubPathMountsOneFileOfTheVolume() throws FsException {
    volume.install("/default.conf", "server {}", false);
    volume.install("/other", "x", false);
    one.mkdirs("/etc/nginx/conf.d");
    one.mount("/etc/nginx/conf.d/default.conf", volume, "/default.conf", true);
    assertThat(one.isFile("/etc/nginx/conf.d/default.conf")).isTrue();
    assertThat(one.read("/etc/nginx/conf.d/default.conf")).isEqualTo("server {}");
    assertThat(one.list("/etc/nginx/conf.d")).containsExactly("default.conf");
  }

  @Test
  void aMissingSubPathIsMadeAsADirectoryOfTheVolume() throws FsException {
    one.mount("/logs", volume, "app/logs", false);
    one.write("/logs/out", "line");
    assertThat(volume.read("/app/logs/out")).isEqualTo("line");
  }

  @Test
  void aMountPointCannotBeRemoved() throws FsException {
    one.mount("/data", volume, "", false);
    assertThatThrownBy(() -> one.removeRecursively("/data")).isInstanceOfSatisfying(FsException.class,
        e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
  }

  @Test
  void replacingAVolumesPayloadIsSeenThroughItsMounts() throws FsException {
    one.mount("/etc/config", volume, "", true);
    volume.replaceAll(Map.of("a", "1"), p -> false);
    long before = one.generation();
    volume.replaceAll(Map.of("b", "2"), p -> false);
    assertThat(one.list("/etc/config")).containsExactly("b");
    assertThat(one.generation()).isGreaterThan(before);
  }

  @FunctionalInterface
  private interface ThrowingWrite {
    void run() throws FsException;
  }
}
