package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.samples.lab.BuiltInLabs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test author waits for. {@code cluster.cold}: the first cluster of a fresh JVM, from the
 * JVM's start to the default cluster built, measured in a child JVM started with this JVM's class
 * path ({@link ColdStart}); {@code cluster.cold.kubia}: the same child's time to the kubia
 * ReplicationController and Service applied and settled. {@code test.warm}: one whole test in a
 * warm JVM, a cluster built, the kubia ReplicationController and Service applied and settled, and
 * one {@code curl} from a kubia pod to the Service.
 *
 * <p>{@code cluster.cold.cds} and {@code cluster.cold.kubia.cds} are the cold figures again with
 * an application class-data archive (JDK CDS: {@code -XX:ArchiveClassesAtExit} once, then {@code
 * -XX:SharedArchiveFile}), which a test suite can use through Surefire's {@code argLine}; the JVM
 * takes archives of jars only, so these need the class path of {@code java -jar kubesim.jar}.
 */
public final class FirstTestBenchmarks {
  private FirstTestBenchmarks() {}

  /** The figures. */
  public static List<Benchmark> all() {
    return List.of(
        Benchmark.of("cluster.cold", "ms", () -> coldStart().get("built"), 0, 5),
        Benchmark.of("cluster.cold.kubia", "ms", () -> coldStart().get("settled"), 0, 5),
        Benchmark.of("cluster.cold.cds", "ms", () -> coldStart(ClassDataArchive.options()).get("built"), 0, 5),
        Benchmark.of("cluster.cold.kubia.cds", "ms", () -> coldStart(ClassDataArchive.options()).get("settled"), 0, 5),
        new WarmTest());
  }

  /** One child JVM's stages and their milliseconds since its start. */
  static Map<String, Double> coldStart() {
    return coldStart(List.of());
  }

  /** One child JVM, started with these JVM options, and its stages' milliseconds since its start. */
  static Map<String, Double> coldStart(List<String> jvmOptions) {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStart.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    Map<String, Double> stages = new HashMap<>();
    StringBuilder output = new StringBuilder();
    try {
      Process child = builder.start();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          output.append(line).append('\n');
          String[] parts = line.split(" ");
          if (parts.length == 2 && parts[1].chars().allMatch(Character::isDigit)) {
            stages.put(parts[0], Double.parseDouble(parts[1]));
          }
        }
      }
      int exit = child.waitFor();
      if (exit != 0 || !stages.containsKey("settled")) {
        throw new IllegalStateException("the cold-start JVM exited with " + exit + ":\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return stages;
  }

  /** The class-data archive of a cold start, dumped by one child JVM on first use and reused by the others. */
  static final class ClassDataArchive {
    private static List<String> options;

    private ClassDataArchive() {}

    static synchronized List<String> options() {
      if (options == null) {
        try {
          Path dir = java.nio.file.Files.createTempDirectory("kubesim-cds");
          Path archive = dir.resolve("cold-start.jsa");
          archive.toFile().deleteOnExit();
          dir.toFile().deleteOnExit();
          coldStart(List.of("-XX:ArchiveClassesAtExit=" + archive));
          if (!java.nio.file.Files.exists(archive)) {
            throw new IllegalStateException("the JVM wrote no class-data archive (the class path must hold jars only)");
          }
          options = List.of("-XX:SharedArchiveFile=" + archive);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return options;
    }
  }

  /** {@code test.warm}: build, apply kubia's RC and Service, settle, one curl, close. */
  static final class WarmTest implements Benchmark {
    private final String rc = BuiltInLabs.file("kubia", "kubia-rc.yaml").orElseThrow();
    private final String svc = BuiltInLabs.file("kubia", "kubia-svc.yaml").orElseThrow();

    @Override
    public String name() {
      return "test.warm";
    }

    @Override
    public String unit() {
      return "ms";
    }

    /**
     * A JVM's first hundreds of clusters run the engine partly interpreted (about 8 ms a test after
     * 300, 4 ms after 1,000); C2 has compiled the whole path after about 2,000, the steady figure.
     */
    @Override
    public int warmups() {
      return 2_000;
    }

    @Override
    public int samples() {
      return 100;
    }

    @Override
    public double sample() {
      long start = System.nanoTime();
      try (Cluster cluster = KubeSim.cluster().nodes(3).seed(1).build()) {
        cluster.apply(rc);
        cluster.apply(svc);
        cluster.settle();
        String pod = cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty();
        ExecResult r = cluster.exec(pod, "curl", "-s", "http://kubia");
        if (!r.succeeded()) {
          throw new IllegalStateException("curl failed: " + r.stderr());
        }
      }
      return (System.nanoTime() - start) / 1e6;
    }
  }
}
