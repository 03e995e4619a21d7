package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellSplitTest {
  @Test
  void commandLinesSplitLikeAShellWithoutExpanding() {
    assertThat(Shell.split("curl -s http://kubia")).containsExactly("curl", "-s", "http://kubia");
    assertThat(Shell.split("sh -c 'echo $HOSTNAME; ls'")).containsExactly("sh", "-c",
        "echo $HOSTNAME; ls");
    assertThat(Shell.split("echo \"a \\\"b\\\"\" c\\ d $X")).containsExactly("echo", "a \"b\"",
        "c d", "$X");
  }

  @Test
  void unquotedOperatorsAreRefused() {
    assertThatThrownBy(() -> Shell.split("ls; echo")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shell.split("echo 'a")).isInstanceOf(IllegalArgumentException.class);
  }
}
