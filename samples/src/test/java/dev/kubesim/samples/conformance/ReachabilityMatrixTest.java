package dev.kubesim.samples.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReachabilityMatrixTest {
  @Test
  void readsTheHeaderAndRowsInAnyOrder() {
    ReachabilityMatrix m = ReachabilityMatrix.parse("""

        -    x/a x/b y/a
        y/a  .   X   -
        x/a  -   .   X

        x/b  X   -   .
        """);
    assertThat(m.pods()).containsExactly("x/a", "x/b", "y/a");
    assertThat(m.reaches("x/a", "x/b")).isTrue();
    assertThat(m.reaches("x/a", "y/a")).isFalse();
    assertThat(m.reaches("y/a", "x/a")).isTrue();
    assertThat(m.reaches("y/a", "x/b")).isFalse();
    assertThat(m.cell("x/b", "x/b")).isEqualTo("-");
    assertThat(m.render()).isEqualTo("""
        -   x/a x/b y/a
        x/a -   .   X
        x/b X   -   .
        y/a .   X   -
        """);
  }

  @Test
  void namesEveryProblemByLine() {
    assertThat(ReachabilityMatrix.problems("")).containsExactly(
        "empty; write a header row of pods (NS/NAME) after a - corner, then a row per pod");
    assertThat(ReachabilityMatrix.problems("x/a x/b\nx/a - .")).containsExactly(
        "line 1: the header starts with the corner -, got \"x/a\"");
    assertThat(ReachabilityMatrix.problems("- x/a a x/a")).containsExactly(
        "line 1: \"a\" is not a pod as NS/NAME", "line 1: x/a is in the header twice");
    assertThat(ReachabilityMatrix.problems("""
        - x/a x/b x/c
        x/a - . x
        x/b . .
        x/a - . .
        z/z . . .
        """)).containsExactly(
        "line 2: x/a -> x/c: expected . or X, got \"x\"",
        "line 3: 3 cells expected after x/b, got 2",
        "line 4: x/a has a second row",
        "line 5: the row's pod \"z/z\" is not in the header",
        "no row for x/c");
    assertThat(ReachabilityMatrix.problems("- x/a x/b\nx/a . .\nx/b . -")).containsExactly(
        "line 2: x/a -> x/a is the diagonal, written -, got \".\"");
    assertThatThrownBy(() -> ReachabilityMatrix.parse("- x/a\n")).hasMessage("no row for x/a");
  }
}
