package dev.kubesim.impl.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bash's {@code [[ ]]} in a Debian container; dash and ash still refuse it. */
class ShellConditionalTest {
  private final Fixture fixture = new Fixture();
  private final RunningContainer debian = fixture.start("debian", b -> b.command(List.of("sleep", "999999")));

  private ExecResult bash(String script) {
    return debian.exec(List.of("bash", "-c", script));
  }

  private String yes(String condition) {
    return bash("[[ " + condition + " ]] && echo yes || echo no").stdout();
  }

  @Test
  void stringAndFileTestsCombineWithAndOrNotAndParentheses() {
    assertThat(yes("-z $EMPTY")).isEqualTo("yes\n");
    assertThat(bash("X=hello; [[ -n $X && $X != bye ]] && echo yes").stdout()).isEqualTo("yes\n");
    assertThat(yes("! -f /nope && -d /tmp")).isEqualTo("yes\n");
    assertThat(yes("( a == b || c == c ) && -e /etc")).isEqualTo("yes\n");
    assertThat(yes("a < b")).isEqualTo("yes\n");
    assertThat(yes("b < a")).isEqualTo("no\n");
  }

  @Test
  void wordsAreNotSplitAndTheRightSideOfEqualsIsAPatternUnlessQuoted() {
    assertThat(bash("X='two words'; [[ $X == two* ]] && echo glob").stdout()).isEqualTo("glob\n");
    assertThat(bash("X=hello; [[ $X == \"h*\" ]] || echo literal").stdout()).isEqualTo("literal\n");
    assertThat(bash("X='h*'; [[ $X == \"h*\" ]] && echo same").stdout()).isEqualTo("same\n");
  }

  @Test
  void regexMatchesAnywhereUnlessAnchored() {
    assertThat(yes("hello =~ ^h(e|a)l+o$")).isEqualTo("yes\n");
    assertThat(yes("v1.27.3 =~ [0-9]+\\.[0-9]+")).isEqualTo("yes\n");
    assertThat(yes("abc =~ ^b")).isEqualTo("no\n");
  }

  @Test
  void integerComparisonsTakeArithmeticOperands() {
    assertThat(yes("3 -lt 10")).isEqualTo("yes\n");
    assertThat(bash("N=4; [[ N*2 -eq 8 ]] && echo yes").stdout()).isEqualTo("yes\n");
    assertThat(yes("'' -eq 0")).isEqualTo("yes\n");
  }

  @Test
  void minusVTellsWhetherAVariableIsSet() {
    assertThat(bash("A=; [[ -v A ]] && echo set; [[ -v B ]] || echo unset").stdout()).isEqualTo("set\nunset\n");
  }

  @Test
  void theRightSideOfAndIsNotExpandedWhenTheLeftDecides() {
    assertThat(bash("[[ -n '' && $(echo ran >&2) ]]; echo $?").stdout()).isEqualTo("1\n");
    assertThat(bash("[[ -n '' && $(echo ran >&2) ]]").stderr()).isEmpty();
  }

  @Test
  void aMalformedExpressionIsStatusTwoAndDashDoesNotKnowIt() {
    ExecResult r = bash("[[ a -eq ]]; echo $?");
    assertThat(r.stdout()).isEqualTo("2\n");
    assertThat(r.stderr()).startsWith("bash: line 1: ");
    ExecResult dash = debian.exec(List.of("sh", "-c", "[[ 1 ]]"));
    assertThat(dash.stderr()).isEqualTo("sh: 1: [[: not found\n");
    assertThat(dash.exitCode()).isEqualTo(127);
  }

  @Test
  void busyboxAshRunsItTooAsTheDownwardApiExampleDoes() {
    RunningContainer busybox = fixture.start("busybox", b -> b.command(List.of("sleep", "3600")));
    assertThat(busybox.exec(List.of("sh", "-c", "if [[ -e /etc/hosts ]]; then echo labels; fi")).stdout()).isEqualTo("labels\n");
  }
}
