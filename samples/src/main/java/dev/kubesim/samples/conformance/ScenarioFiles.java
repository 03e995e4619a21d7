package dev.kubesim.samples.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds scenario files: a file as given, a folder searched recursively for {@code *.yaml} in sorted order. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  /** The files under one path, or an empty list when the path does not exist. */
  static List<Path> under(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return new ArrayList<>(walk
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
