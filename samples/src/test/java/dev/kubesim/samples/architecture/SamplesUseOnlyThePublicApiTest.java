package dev.kubesim.samples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The samples (the command line, the conformance and lab runners, the web lab, the benchmarks) are
 * tools a user of the library could have written: they use the public API ({@code dev.kubesim.api}
 * and its companions) and never the engine's {@code dev.kubesim.impl}, by import or by a fully
 * qualified name. What a tool needs from the engine is offered through the API instead. The build
 * holds the same line (simulator-impl is a run-time dependency of the samples only); this test says
 * which file crossed it. The tests may look inside the engine.
 */
class SamplesUseOnlyThePublicApiTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final String ENGINE = "dev.kubesim.impl";

  @Test
  void noMainSourceOfTheSamplesUsesTheEngine() throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(MAIN)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<String> uses = new ArrayList<>();
    for (Path source : sources) {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(ENGINE)) {
          uses.add(MAIN.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(sources).as("the sources under %s", MAIN.toAbsolutePath()).isNotEmpty();
    assertThat(uses).as("uses of %s in the samples' main sources (add what the tool needs to the public API)", ENGINE)
        .isEmpty();
  }
}
