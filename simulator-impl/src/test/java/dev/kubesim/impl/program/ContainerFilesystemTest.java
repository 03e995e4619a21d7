package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContainerFilesystemTest {
  private final ContainerFilesystem fs = new ContainerFilesystem(() -> Instant.EPOCH);

  @Test
  void aParsedReadingIsKeptUntilTheFileChanges() throws FsException {
    java.util.concurrent.atomic.AtomicInteger parses = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Function<String, Integer> length = text -> {
      parses.incrementAndGet();
      return text.length();
    };
    fs.mkdirs("/etc");
    fs.write("/etc/hosts", "abc");
    assertThat(fs.readParsed("/etc/hosts", length)).contains(3);
    assertThat(fs.readParsed("/etc/hosts", length)).contains(3);
    assertThat(parses).hasValue(1);
    fs.append("/etc/hosts", "de");
    assertThat(fs.readParsed("/etc/hosts", length)).contains(5);
    assertThat(parses).hasValue(2);
    assertThat(fs.readParsed("/etc/missing", length)).isEmpty();
    assertThat(fs.readParsed("/etc", length)).isEmpty();
  }

  @Test
  void pathsAreNormalised() {
    assertThat(FsPaths.resolve("/var", "../tmp//x/./y")).isEqualTo("/tmp/x/y");
    assertThat(FsPaths.resolve("/", "../../..")).isEqualTo("/");
    assertThat(FsPaths.resolve("/a/b", "c")).isEqualTo("/a/b/c");
    assertThat(FsPaths.basename("/a/b/")).isEqualTo("b");
  }

  @Test
  void filesNeedTheirDirectory() throws FsException {
    assertThatThrownBy(() -> fs.write("/var/ready", ""))
        .isInstanceOfSatisfying(FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    fs.mkdirs("/var");
    fs.write("/var/ready", "x");
    assertThat(fs.read("/var/../var//ready")).isEqualTo("x");
    assertThatThrownBy(() -> fs.read("/var"))
        .isInstanceOfSatisfying(FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EISDIR));
    assertThatThrownBy(() -> fs.read("/var/ready/"))
        .isInstanceOfSatisfying(FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOTDIR));
    assertThatThrownBy(() -> fs.mkdir("/var"))
        .isInstanceOfSatisfying(FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    assertThatThrownBy(() -> fs.removeDirectory("/var"))
        .isInstanceOfSatisfying(FsException.class,
            e -> assertThat(e.errno()).isEqualTo(Errno.ENOTEMPTY));
    fs.removeRecursively("/var");
    assertThat(fs.exists("/var")).isFalse();
  }

  @Test
  void devNullSwallowsWrites() throws FsException {
    fs.installDevice("/dev/null");
    fs.append("/dev/null", "gone");
    assertThat(fs.read("/dev/null")).isEmpty();
  }
}
