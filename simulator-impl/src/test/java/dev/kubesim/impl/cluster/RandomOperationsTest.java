package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariants after every one of hundreds of random operations, for several seeds, and a replay of
 * one seed in a fresh JVM that must print the same bytes (as Kafka's Raft simulation test does).
 */
class RandomOperationsTest {
  private static final int OPERATIONS = 200;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void invariantsHoldAfterEveryOperation(long seed) {
    assertThat(RandomOperations.run(seed, OPERATIONS)).as("seed %d", seed).contains("NAME");
  }

  @Test
  void aSeedReplaysByteIdenticallyInAnotherJvm() throws IOException, InterruptedException {
    long seed = 4;
    int operations = 100;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the other JVM starts first and runs while this one does (C1 only: a short run starts faster)
    Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        RandomOperations.class.getName(), Long.toString(seed), Integer.toString(operations))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String here = RandomOperations.run(seed, operations);
    String there = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("seed %d: exit status of the second JVM", seed).isZero();
    assertThat(there).as("seed %d", seed).isEqualTo(here);
    assertThat(List.of(here.split("\n"))).as("seed %d", seed).hasSizeGreaterThan(operations);
  }
}
