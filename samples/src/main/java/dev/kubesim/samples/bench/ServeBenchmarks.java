package dev.kubesim.samples.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The served API's cold start: {@code api.serve.cold} is the wall time from starting a fresh JVM
 * running {@code kubesim serve} to the real {@code kubectl get pods} (with an empty {@code HOME},
 * so without a discovery cache) having printed its answer. Listed only when {@code kubectl} is on
 * the {@code PATH}.
 */
public final class ServeBenchmarks {
  /** What a process may take before the sample is given up; never reached when all is well. */
  private static final long BOUND_SECONDS = 60;

  private ServeBenchmarks() {}

  /** {@code api.serve.cold} when the real kubectl is on the PATH; nothing otherwise. */
  public static List<Benchmark> all() {
    return kubectl().<List<Benchmark>>map(k -> List.of(Benchmark.of("api.serve.cold", "ms", () -> coldStart(k), 1, 5)))
        .orElse(List.of());
  }

  static Optional<Path> kubectl() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, "kubectl");
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** One cold start: a new JVM serving a new cluster, asked by a new kubectl; milliseconds until kubectl has answered. */
  static double coldStart(Path kubectl) {
    Path home = null;
    Process server = null;
    try {
      home = Files.createTempDirectory("kubesim-serve-cold");
      Path kubeconfig = home.resolve("kubeconfig");
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      long start = System.nanoTime();
      server = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
          "dev.kubesim.samples.cli.KubeSimCommand", "serve", "--kubeconfig", kubeconfig.toString())
          .redirectErrorStream(true).start();
      BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      for (String line = lines.readLine(); ; line = lines.readLine()) {
        if (line == null) {
          throw new IllegalStateException("kubesim serve ended before it served");
        }
        if (line.startsWith("kubesim: kubeconfig written")) {
          break;
        }
      }
      ProcessBuilder get = new ProcessBuilder(kubectl.toString(), "--kubeconfig", kubeconfig.toString(), "get", "pods")
          .redirectErrorStream(true);
      get.environment().put("HOME", home.toString());
      get.environment().remove("KUBECONFIG");
      Process client = get.start();
      String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!client.waitFor(BOUND_SECONDS, TimeUnit.SECONDS) || client.exitValue() != 0) {
        throw new IllegalStateException("kubectl get pods failed: " + answer);
      }
      double ms = (System.nanoTime() - start) / 1e6;
      if (!answer.contains("No resources found in default namespace.")) {
        throw new IllegalStateException("kubectl get pods answered: " + answer);
      }
      return ms;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      if (server != null) {
        server.destroy();
        try {
          server.waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (home != null) {
        delete(home);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
