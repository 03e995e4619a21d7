package dev.kubesim.samples.serve;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real {@code kubectl} binary, run as a process against a served cluster: a kubeconfig of its
 * own, {@code HOME} in a temporary folder (so no user's config or discovery cache is read), the
 * working directory where the manifests are. Each call waits for the process to exit, at most a
 * minute.
 */
final class RealKubectl {
  private static final long BOUND_SECONDS = 60;

  /** What one run printed and its exit code. */
  record Result(String stdout, String stderr, int exitCode) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  private final Path binary;
  private final Path home;
  private final Path kubeconfig;

  RealKubectl(Path binary, Path home, String kubeconfigText) {
    this.binary = binary;
    this.home = home;
    this.kubeconfig = home.resolve("kubeconfig");
    try {
      Files.writeString(kubeconfig, kubeconfigText, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kubectl on the PATH; the test is skipped, saying why, when there is none. */
  static Path binaryOrSkip() {
    Optional<Path> found = find();
    Assumptions.assumeTrue(found.isPresent(),
        "the real kubectl is not on the PATH: the tests that drive it against a served cluster are skipped");
    return found.get();
  }

  static Optional<Path> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, "kubectl");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Runs {@code kubectl ARGS} (a command line split at spaces) in the home folder. */
  Result run(String commandLine) {
    return run(commandLine, "");
  }

  /** Runs {@code kubectl ARGS} with this standard input, then its end. */
  Result run(String commandLine, String stdin) {
    ProcessBuilder pb = builder(commandLine);
    Path out = home.resolve("stdout.txt");
    Path err = home.resolve("stderr.txt");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    try {
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("kubectl " + commandLine + " did not exit within " + BOUND_SECONDS + " s");
      }
      return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
          p.exitValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code kubectl} with these words as its arguments (each may hold spaces and quotes). */
  Result runWords(List<String> words) {
    return run(String.join(" ", words.stream().map(w -> w.replace(" ", SPACE)).toList()), "");
  }

  /** Stands for a space inside one word of {@link #runWords}, turned back into a space when the words are split. */
  private static final String SPACE = "\u0000";

  /** Starts {@code kubectl ARGS} and leaves it running (a stream to read as it comes), its errors merged into its output. */
  Process start(String commandLine) {
    ProcessBuilder pb = builder(commandLine).redirectErrorStream(true);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessBuilder builder(String commandLine) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + kubeconfig);
    for (String word : commandLine.split(" ")) {
      if (!word.isEmpty()) {
        command.add(word.replace(SPACE, " "));
      }
    }
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().remove("KUBECONFIG");
    pb.environment().put("HOME", home.toString());
    return pb;
  }
}
