package dev.kubesim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * simulator-api's public API, checked against {@code api/simulator-api.api}: a change of the API
 * is a change of that file too, seen in review. {@code -Dkubesim.api.update=true} rewrites it.
 */
class PublicApiTest {
  private static final Path DUMP = Path.of("api/simulator-api.api");
  private static final String REGENERATE = "mvn -B -q -pl simulator-api -am test "
      + "-Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dkubesim.api.update=true";

  @Test
  void thePublicApiIsTheCheckedInOne() throws IOException {
    List<String> current = PublicApi.of(Path.of("target/classes"));
    assertThat(current).as("the public types compiled into %s", Path.of("target/classes").toAbsolutePath()).isNotEmpty();
    String text = String.join("\n", current) + "\n";
    if (Boolean.getBoolean("kubesim.api.update")) {
      Files.writeString(DUMP, text, StandardCharsets.UTF_8);
    }
    List<String> checkedIn = Files.exists(DUMP) ? Files.readAllLines(DUMP, StandardCharsets.UTF_8) : List.of();
    Set<String> added = new LinkedHashSet<>(current);
    checkedIn.forEach(added::remove);
    Set<String> removed = new LinkedHashSet<>(checkedIn);
    current.forEach(removed::remove);
    List<String> diff = new ArrayList<>();
    removed.forEach(line -> diff.add("- " + line));
    added.forEach(line -> diff.add("+ " + line));

    assertThat(diff)
        .as("simulator-api's public API differs from %s (- there only, + in the code only). If the change is "
            + "meant, regenerate the file from the simulator-api folder's parent with%n  %s%nand commit it",
            DUMP.toAbsolutePath(), REGENERATE)
        .isEmpty();
  }
}
