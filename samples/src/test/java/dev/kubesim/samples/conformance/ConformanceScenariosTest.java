package dev.kubesim.samples.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.kubesim.samples.conformance.ConformanceReport.CaseResult;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every public conformance scenario (copied into the test resources), and the project's own
 * scenarios in the same format under {@code conformance/extra}, and turns each case into one test
 * named {@code <scenario> :: <step>}. Cases listed in {@code
 * conformance-known-failures.txt} are expected to fail and show as aborted with their failure;
 * a listed case that passes fails its test, so the list only ever shrinks. Skipped cases (a
 * {@code requires} feature the simulator lacks) show as aborted too.
 */
class ConformanceScenariosTest {
  @TestFactory
  Stream<DynamicTest> publicScenarios() throws Exception {
    Path folder = Path.of(Objects.requireNonNull(getClass().getResource("/conformance"), "conformance scenarios").toURI());
    ConformanceReport report =
        new ConformanceCommand().execute(List.of(folder), new PrintStream(OutputStream.nullOutputStream()));
    System.out.println("conformance: " + report.summary());
    Map<String, String> known;
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/conformance-known-failures.txt"),
        "conformance-known-failures.txt")) {
      known = KnownFailures.read(in);
    }
    Set<String> ids = report.cases().stream().map(CaseResult::id).collect(Collectors.toSet());
    Set<String> stale = new TreeSet<>(known.keySet());
    stale.removeAll(ids);
    Stream<DynamicTest> cases = report.cases().stream()
        .map(c -> dynamicTest(c.id(), () -> verify(c, known.containsKey(c.id()))));
    DynamicTest listIsCurrent = dynamicTest("the known-failures list names only existing cases",
        () -> assertTrue(stale.isEmpty(), "remove these ids from conformance-known-failures.txt, no such case: " + stale));
    return Stream.concat(cases, Stream.of(listIsCurrent));
  }

  private static void verify(CaseResult c, boolean knownFailure) {
    switch (c.status()) {
      case SKIPPED -> Assumptions.abort(c.message());
      case PASSED -> {
        if (knownFailure) {
          fail("passes now: remove it from the known-failures list (conformance-known-failures.txt)");
        }
      }
      case FAILED -> {
        if (knownFailure) {
          Assumptions.abort("known failure: " + c.message());
        }
        fail(c.message());
      }
    }
  }
}
