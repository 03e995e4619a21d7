package dev.kubesim.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folder a {@code project:} manifest location is relative to: the root of the build the test
 * runs in, so that the same location works where Maven runs the tests (the module's folder) and where
 * an IDE does (often the project's).
 */
final class ProjectRoot {
  /** The files that mark a folder as part of a Maven or Gradle build. */
  private static final List<String> BUILD_FILES =
      List.of("pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts");

  private ProjectRoot() {}

  /**
   * The outermost folder, from {@code start} upward without a gap, that holds a build file; {@code
   * start} itself when it holds none.
   *
   * @param start the folder to start from, usually the working directory
   * @return the project's root, absolute and normalised
   */
  static Path of(Path start) {
    Path folder = start.toAbsolutePath().normalize();
    Path root = folder;
    while (folder != null && hasBuildFile(folder)) {
      root = folder;
      folder = folder.getParent();
    }
    return root;
  }

  private static boolean hasBuildFile(Path folder) {
    return BUILD_FILES.stream().anyMatch(name -> Files.isRegularFile(folder.resolve(name)));
  }
}
