package dev.kubesim.samples.cli;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.ServeOptions;
import dev.kubesim.api.ServedApi;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubesim serve [--port N] [--kubeconfig FILE] [--seed N] [--nodes N] [--addons A,B]
 * [--wall-clock]}: a new cluster whose Kubernetes API is served over HTTP on 127.0.0.1, so that the
 * real {@code kubectl} and other clients can use it. Prints the address and how to point kubectl at
 * it, writes a kubeconfig, and runs until interrupted.
 */
final class ServeCommand {
  /** A started server: its cluster (which closes the server with it) and what was printed. */
  record Running(Cluster cluster, ServedApi api, Path kubeconfig) implements java.io.Closeable {
    @Override
    public void close() {
      cluster.close();
    }
  }

  private ServeCommand() {}

  /** Parses the options, builds and serves the cluster, writes the kubeconfig and says where it is. */
  static Running start(List<String> args, PrintStream out) {
    long seed = 1;
    int nodes = 3;
    int port = 0;
    boolean wallClock = false;
    Optional<List<String>> addons = Optional.empty();
    Path kubeconfig = Path.of("kubesim.kubeconfig");
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--wall-clock")) {
        wallClock = true;
        continue;
      }
      if (!List.of("--port", "--kubeconfig", "--seed", "--nodes", "--addons").contains(a)) {
        throw new IllegalArgumentException("serve does not take \"" + a + "\"; it takes --port N, --kubeconfig FILE, "
            + "--seed N, --nodes N, --addons A,B and --wall-clock");
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      String v = args.get(++i);
      switch (a) {
        case "--port" -> port = number(a, v);
        case "--seed" -> seed = Long.parseLong(checkNumber(a, v));
        case "--nodes" -> nodes = number(a, v);
        case "--kubeconfig" -> kubeconfig = Path.of(v);
        default -> {
          List<String> names = new ArrayList<>();
          for (String n : v.split(",")) {
            if (!n.isBlank()) {
              names.add(n.strip());
            }
          }
          addons = Optional.of(names);
        }
      }
    }
    var builder = KubeSim.cluster().seed(seed).nodes(nodes);
    if (addons.isPresent()) {
      builder.addons(addons.get());
    }
    Cluster cluster = builder.build();
    try {
      ServedApi api = cluster.serve(ServeOptions.defaults().withPort(port).withWallClock(wallClock));
      Files.writeString(kubeconfig, api.kubeconfig(), StandardCharsets.UTF_8);
      out.println("kubesim: serving the Kubernetes API of a simulated cluster (seed " + seed + ", " + nodes + " nodes) at "
          + api.url());
      out.println("kubesim: kubeconfig written to " + kubeconfig);
      out.println("kubesim: virtual time " + (wallClock ? "follows the wall clock" : "moves with requests (--wall-clock to follow the wall clock)"));
      out.println();
      out.println("  kubectl --kubeconfig " + kubeconfig + " get nodes");
      out.println();
      out.println("kubesim: press Ctrl-C to stop");
      out.flush();
      return new Running(cluster, api, kubeconfig);
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException("cannot write the kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Serves until the process is interrupted (Ctrl-C), then closes the cluster. */
  static int run(List<String> args, PrintStream out) {
    Running running = start(args, out);
    Thread main = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      main.interrupt();
    }, "kubesim-serve-stop"));
    try {
      new java.util.concurrent.CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static int number(String flag, String v) {
    return Integer.parseInt(checkNumber(flag, v));
  }

  private static String checkNumber(String flag, String v) {
    if (!v.matches("\\d{1,18}")) {
      throw new IllegalArgumentException(flag + " needs a number, got \"" + v + "\"");
    }
    return v;
  }
}
