package dev.kubesim.samples.cli;

import dev.kubesim.samples.web.LabSession;
import dev.kubesim.samples.web.Sessions;
import dev.kubesim.samples.web.WebServer;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code kubesim web [--port N] [--seed N] [--nodes N]}: serves the browser lab on 127.0.0.1 and
 * prints its address; every browser session gets its own cluster of those nodes and seed.
 */
final class WebCommand {
  /** The most browser sessions (clusters) served at once. */
  static final int SESSION_LIMIT = 20;
  /** How long a session may go without a request before its cluster is closed. */
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
  /** The port served when none is given. */
  static final int DEFAULT_PORT = 8080;

  private WebCommand() {}

  /** Parses the options and starts serving; returns the running server. */
  static WebServer start(List<String> args, PrintStream out) {
    long seed = 1;
    int nodes = 3;
    int port = DEFAULT_PORT;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!List.of("--port", "--seed", "--nodes").contains(a)) {
        throw new IllegalArgumentException("web does not take \"" + a + "\"; it takes --port N, --seed N and --nodes N");
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      String v = args.get(++i);
      if (!v.matches("\\d{1,9}")) {
        throw new IllegalArgumentException(a + " needs a number, got \"" + v + "\"");
      }
      switch (a) {
        case "--port" -> port = Integer.parseInt(v);
        case "--seed" -> seed = Long.parseLong(v);
        default -> nodes = Integer.parseInt(v);
      }
    }
    if (port > 65535) {
      throw new IllegalArgumentException("--port must be at most 65535, got " + port);
    }
    if (nodes < 1) {
      throw new IllegalArgumentException("--nodes must be at least 1");
    }
    long s = seed;
    int n = nodes;
    Sessions sessions = new Sessions(() -> new LabSession(s, n), SESSION_LIMIT, IDLE_TIMEOUT, Clock.systemUTC());
    WebServer server = WebServer.start(port, sessions);
    out.println("kubesim: the lab is served at " + server.uri() + " (each browser gets its own cluster: seed " + seed
        + ", " + nodes + " nodes)");
    out.println("kubesim: press Ctrl-C to stop");
    out.flush();
    return server;
  }

  /** Serves until the process is interrupted (Ctrl-C), then closes every session's cluster. */
  static int run(List<String> args, PrintStream out) {
    WebServer server = start(args, out);
    Thread main = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      main.interrupt();
    }, "kubesim-web-stop"));
    try {
      new java.util.concurrent.CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
