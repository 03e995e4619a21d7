package dev.kubesim.samples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRunnerTest {

  /** A benchmark whose samples return 1, 2, 3, ... and record their turn in a shared log. */
  private static Benchmark counting(String name, String group, int warmups, int samples, List<String> log) {
    return new Benchmark() {
      private int taken;

      @Override
      public String name() {
        return name;
      }

      @Override
      public String unit() {
        return "us";
      }

      @Override
      public String group() {
        return group;
      }

      @Override
      public int warmups() {
        return warmups;
      }

      @Override
      public int samples() {
        return samples;
      }

      @Override
      public double sample() {
        log.add(name);
        return ++taken;
      }
    };
  }

  @Test
  void benchmarksOfOneGroupAreWarmedUpFirstThenSampledInTurn() {
    List<String> log = new ArrayList<>();
    Benchmark small = counting("small", "g", 1, 3, log);
    Benchmark large = counting("large", "g", 2, 2, log);
    String out = run(List.of(small, large), List.of());

    assertThat(log).containsExactly("small", "large", "large", "small", "large", "small", "large", "small");
    // small's measured samples are 2, 3, 4; large's 3, 4.
    assertThat(out).isEqualTo("small 3.000 us\nlarge 3.500 us\n");
  }

  @Test
  void benchmarksOfDifferentGroupsRunOneAfterTheOther() {
    List<String> log = new ArrayList<>();
    String out = run(List.of(counting("a", "a", 0, 2, log), counting("b", "b", 0, 2, log)), List.of());

    assertThat(log).containsExactly("a", "a", "b", "b");
    assertThat(out).isEqualTo("a 1.500 us\nb 1.500 us\n");
  }

  @Test
  void onlyTheNamedBenchmarksRunAndAnUnknownNameIsAnError() {
    List<String> log = new ArrayList<>();
    List<Benchmark> all = List.of(counting("a", "g", 0, 1, log), counting("b", "g", 0, 1, log));

    assertThat(run(all, List.of("b"))).isEqualTo("b 1.000 us\n");
    assertThat(log).containsExactly("b");
    assertThat(run(all, List.of("c"))).isEqualTo("unknown benchmark c; known: [a, b]\n");
  }

  private static String run(List<Benchmark> all, List<String> only) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new BenchRunner().run(all, only, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
