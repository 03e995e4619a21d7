package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.samples.bench.BenchRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code api.create.rate}, {@code api.create.rate.mock} and {@code api.create.rate.floor} and prints their {@code name value
 * unit} lines, as {@code kubesim bench} prints its figures. It lives with the tests because fabric8
 * is a test dependency (too heavy for {@code kubesim.jar}); it is tagged {@code bench} and left out
 * of the build's test run. Run it with
 * {@code mvn -pl samples -am test -Dtest=ApiCreateRateBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.excluded=none}.
 */
@Tag("bench")
class ApiCreateRateBench {

  @Test
  void printsServicesCreatedPerSecondByFabric8AgainstKubesimAndItsMockServer() throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (ApiCreateRateBenchmark kubesim = ApiCreateRateBenchmark.kubesim();
        ApiCreateRateBenchmark mock = ApiCreateRateBenchmark.mock();
        ApiCreateRateBenchmark floor = ApiCreateRateBenchmark.floor();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
      assertThat(new BenchRunner().run(List.of(kubesim, mock, floor), List.of(), out)).isZero();
    }
    String figures = text.toString(StandardCharsets.UTF_8);
    System.out.print(figures);
    assertThat(figures).contains("api.create.rate ", "api.create.rate.mock ", "api.create.rate.floor ");
  }
}
