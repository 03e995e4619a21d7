package dev.kubesim.samples.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kubesim.samples.lab.BuiltInLabs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubesim web}'s server: the page and its assets from the classpath, and a small JSON API
 * the page polls, on 127.0.0.1.
 *
 * <ul>
 *   <li>{@code GET /}: the page; {@code GET /assets/NAME}: its script and style
 *   <li>{@code GET /api/state}: the session's prompt, clock, cluster pane, last trace and lab
 *   <li>{@code POST /api/run} (the line as the body): runs a line as {@code kubesim shell} does
 *   <li>{@code POST /api/advance?seconds=N}: lets N seconds of virtual time pass
 *   <li>{@code POST /api/lab/start?name=NAME}: starts a built-in lab on a fresh cluster
 *   <li>{@code POST /api/lab/next}: runs the lab's next step
 * </ul>
 *
 * <p>Each browser gets a session (cookie {@value #COOKIE}) with its own cluster; see {@link Sessions}.
 * Requests run on a small pool of threads; one session's requests are serialised by the session.
 */
public final class WebServer implements AutoCloseable {
  /** The cookie that names a browser's session. */
  public static final String COOKIE = "kubesim-session";
  private static final String ASSETS = "/dev/kubesim/samples/web/";
  /** The longest a clock button or {@code advance} request may move time in one go: a day. */
  private static final long MAX_ADVANCE_SECONDS = 86_400;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Sessions sessions;
  private final ExecutorService workers = Executors.newFixedThreadPool(4, daemon("kubesim-web"));
  private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(daemon("kubesim-web-idle"));

  private WebServer(HttpServer server, Sessions sessions) {
    this.server = server;
    this.sessions = sessions;
  }

  /**
   * Serves the sessions on 127.0.0.1 at a port (0 for any free one) and starts closing idle ones.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static WebServer start(int port, Sessions sessions) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    WebServer web = new WebServer(http, sessions);
    http.createContext("/", web::handle);
    http.setExecutor(web.workers);
    http.start();
    long every = Math.max(1, Math.min(60, sessions.idleTimeout().toSeconds() / 2));
    web.reaper.scheduleWithFixedDelay(sessions::closeIdle, every, every, TimeUnit.SECONDS);
    return web;
  }

  /** The address the page is served at, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (!fromThisPage(ex)) {
        // another site's page (or a DNS name rebound to 127.0.0.1) may not drive a student's cluster,
        // whose kubectl reads local files, nor use up the sessions
        send(ex, 403, "text/plain; charset=utf-8", "kubesim web answers only its own page at " + uri() + "\n");
        return;
      }
      if (path.startsWith("/assets/")) {
        asset(ex, path.substring("/assets/".length()));
        return;
      }
      if (!path.equals("/") && !path.startsWith("/api/")) {
        send(ex, 404, "text/plain; charset=utf-8", "404 page not found\n");
        return;
      }
      Optional<Sessions.Lease> lease = sessions.acquire(cookie(ex));
      if (lease.isEmpty()) {
        full(ex, path.equals("/"));
        return;
      }
      Sessions.Lease l = lease.get();
      if (l.created()) {
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + l.id() + "; Path=/; HttpOnly; SameSite=Strict");
      }
      if (path.equals("/")) {
        asset(ex, "index.html");
      } else {
        api(ex, path.substring("/api/".length()), l);
      }
    } catch (RuntimeException e) {
      // a fault of the server itself: the page shows it, and the session stays usable
      send(ex, 500, "application/json", json(Map.of("error", String.valueOf(e.getMessage()))));
    }
  }

  private void api(HttpExchange ex, String verb, Sessions.Lease lease) throws IOException {
    LabSession session = lease.session();
    boolean post = ex.getRequestMethod().equals("POST");
    if (!post && !(verb.equals("state") && ex.getRequestMethod().equals("GET"))) {
      boolean known = List.of("state", "run", "advance", "lab/start", "lab/next").contains(verb);
      send(ex, known ? 405 : 404, "application/json", json(Map.of("error", known ? "method not allowed" : "no such endpoint")));
      return;
    }
    String output;
    switch (verb) {
      case "state" -> output = "";
      case "run" -> output = session.run(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      case "advance" -> {
        Optional<Long> seconds = query(ex, "seconds").flatMap(WebServer::parseLong)
            .filter(s -> s > 0 && s <= MAX_ADVANCE_SECONDS);
        if (seconds.isEmpty()) {
          send(ex, 400, "application/json", json(Map.of("error", "seconds must be a whole number from 1 to " + MAX_ADVANCE_SECONDS)));
          return;
        }
        output = session.advance(Duration.ofSeconds(seconds.get()));
      }
      case "lab/start" -> {
        String name = query(ex, "name").orElse("");
        if (BuiltInLabs.labFile(name).isEmpty()) {
          send(ex, 404, "application/json", json(Map.of("error",
              "no built-in lab \"" + name + "\"; known: " + String.join(", ", BuiltInLabs.names()))));
          return;
        }
        session.startLab(name);
        output = "";
      }
      case "lab/next" -> output = session.nextLabStep();
      default -> {
        send(ex, 404, "application/json", json(Map.of("error", "no such endpoint")));
        return;
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("output", output);
    body.put("newSession", lease.created());
    body.put("state", StateJson.of(session.state()));
    send(ex, 200, "application/json", json(body));
  }

  private void full(HttpExchange ex, boolean page) throws IOException {
    String message = "kubesim web is serving " + sessions.limit() + " sessions, as many as it may."
        + " Try again when one has been idle for " + sessions.idleTimeout().toMinutes() + " minutes and is closed.";
    if (page) {
      send(ex, 503, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>kubesim web: full"
          + "</title></head><body><h1>No room for another cluster</h1><p id=\"full\">" + message + "</p></body></html>\n");
    } else {
      send(ex, 503, "application/json", json(Map.of("error", message)));
    }
  }

  private static void asset(HttpExchange ex, String name) throws IOException {
    if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
      send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n");
      return;
    }
    String type = name.endsWith(".html") ? "text/html; charset=utf-8"
        : name.endsWith(".js") ? "text/javascript; charset=utf-8"
        : name.endsWith(".css") ? "text/css; charset=utf-8" : null;
    InputStream in = type == null || name.contains("/") ? null : WebServer.class.getResourceAsStream(ASSETS + name);
    if (in == null) {
      send(ex, 404, "text/plain; charset=utf-8", "404 page not found\n");
      return;
    }
    try (in) {
      send(ex, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /**
   * Whether the request is addressed to this server by its loopback name ({@code Host}) and, when
   * a browser says where it comes from ({@code Origin}), comes from this server's page.
   */
  private boolean fromThisPage(HttpExchange ex) {
    int port = server.getAddress().getPort();
    List<String> local = List.of("127.0.0.1:" + port, "localhost:" + port);
    String host = ex.getRequestHeaders().getFirst("Host");
    String origin = ex.getRequestHeaders().getFirst("Origin");
    return host != null && local.contains(host.toLowerCase(java.util.Locale.ROOT))
        && (origin == null || local.stream().anyMatch(h -> origin.equalsIgnoreCase("http://" + h)));
  }

  private static Optional<String> cookie(HttpExchange ex) {
    for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : header.split(";")) {
        String[] kv = part.strip().split("=", 2);
        if (kv.length == 2 && kv[0].equals(COOKIE)) {
          return Optional.of(kv[1]);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> query(HttpExchange ex, String key) {
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null) {
      return Optional.empty();
    }
    for (String part : raw.split("&")) {
      String[] kv = part.split("=", 2);
      if (kv.length == 2 && URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(key)) {
        return Optional.of(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Closes the sessions idle for longer than the timeout now, as the server does every so often. */
  public int closeIdleSessions() {
    return sessions.closeIdle();
  }

  /** Stops serving and closes every session's cluster. */
  @Override
  public void close() {
    server.stop(0);
    reaper.shutdownNow();
    workers.shutdownNow();
    sessions.close();
  }
}
