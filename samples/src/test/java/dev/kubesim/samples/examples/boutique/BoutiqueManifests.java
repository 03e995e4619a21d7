package dev.kubesim.samples.examples.boutique;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Where Online Boutique's release manifests are: {@code shared/manifests} beside the project, read
 * unchanged. A test that needs them is skipped (by assumption) where they are absent.
 */
final class BoutiqueManifests {
  private BoutiqueManifests() {}

  /** The manifests' file, or the calling test skipped when it is absent. */
  static Path file() {
    // Maven runs the tests in the module's folder, an IDE often in the project's.
    Path file = Stream.of(Path.of("..", "shared"), Path.of("..", "..", "shared"))
        .map(p -> p.resolve("manifests/online-boutique/kubernetes-manifests.yaml"))
        .filter(Files::isRegularFile)
        .findFirst()
        .orElse(null);
    Assumptions.assumeTrue(file != null, "shared/manifests/online-boutique is absent");
    return file;
  }
}
