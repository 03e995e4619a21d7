package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.codec.ObjectCodec;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Kubernetes API of a simulated cluster over plain HTTP on 127.0.0.1, with the JDK's own
 * server: discovery, and the verbs on every kind the cluster stores, answered by the cluster's
 * {@link dev.kubesim.impl.apiserver.ApiServer} — the HTTP layer decodes, routes and encodes; it
 * holds no rules of its own.
 *
 * <p>Threads: requests run on the server's threads, each taking the cluster's lock for its work
 * (the engine is single-threaded). A watch holds a thread while it is open, but the lock only while
 * it reads the store or lets time pass.
 *
 * <p>Time: stepped by calls by default (a write answers once the controllers have reacted, and the
 * cluster settles before the next read and before the first request of another kubectl command, told
 * by kubectl's {@code Kubectl-Session} header; see {@link ResourceRequests}, and {@link WatchStream}
 * for the one kind of watch that lets time pass); with {@code wallClock}, a ticker moves virtual time
 * on with the wall clock every {@value #TICK_MILLIS} ms.
 */
public final class ApiHttpServer implements AutoCloseable {
  static final long TICK_MILLIS = 100;

  /** What {@code v1 Endpoints} requests are warned of, as kube-apiserver v1.33+ warns. */
  static final String ENDPOINTS_WARNING = "299 - \"v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\"";

  /** What a watch asked over WebSocket is warned of: the server streams watches over plain HTTP only. */
  static final String WEBSOCKET_WATCH_WARNING =
      "299 - \"watches are not served over WebSocket by this server: watch over plain HTTP (watch=true)\"";

  /** The JDK server's switch for TCP_NODELAY on accepted connections. */
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final RestHost host;
  private final HttpServer server;
  private final ExecutorService executor;
  private final WatchHub hub;
  private final boolean wallClock;
  private final ResourceRequests resources;
  private final Optional<ScheduledExecutorService> ticker;
  private volatile boolean closed;
  private volatile String lastKubectlSession;

  private ApiHttpServer(RestHost host, int port, boolean wallClock, int watchHistory) throws IOException {
    this.host = host;
    this.wallClock = wallClock;
    this.resources = new ResourceRequests(host);
    this.hub = host.locked(() -> new WatchHub(host.api().store(), () -> host.loop().clock().instant(), watchHistory));
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "kubesim-api-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    noDelay();
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      host.locked(() -> {
        hub.detach();
        return null;
      });
      executor.shutdownNow();
      throw e;
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    this.ticker = wallClock ? Optional.of(startTicker()) : Optional.empty();
  }

  /**
   * Asks the JDK's server for TCP_NODELAY on its connections, unless the JVM's owner has said
   * otherwise. The server writes a response's headers and body separately: with Nagle's algorithm
   * the body waits for the client's delayed acknowledgement of the headers, 40 ms on Linux, which
   * made each request of fabric8's client take about 48 ms. The JDK reads the property once, when
   * its first server starts, so a server started earlier in the JVM keeps Nagle's algorithm.
   */
  private static void noDelay() {
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  /**
   * Starts serving.
   *
   * @param port 0 for a free port
   * @param wallClock whether virtual time follows the wall clock
   * @param watchHistory how many changes are kept for watches from an older resourceVersion
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static ApiHttpServer start(RestHost host, int port, boolean wallClock, int watchHistory) {
    try {
      return new ApiHttpServer(host, port, wallClock, watchHistory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the API on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  private ScheduledExecutorService startTicker() {
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread th = new Thread(r, "kubesim-api-clock");
      th.setDaemon(true);
      return th;
    });
    long[] last = {System.nanoTime()};
    t.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      long delta = now - last[0];
      last[0] = now;
      try {
        host.locked(() -> {
          host.loop().advance(Duration.ofNanos(delta));
          return null;
        });
      } catch (RuntimeException e) {
        t.shutdown(); // the cluster is closed
      }
    }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    return t;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A kubeconfig with one cluster, user and context, all named {@code kubesim}, reaching this server. */
  public String kubeconfig() {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: kubesim
          cluster:
            server: %s
        users:
        - name: kubesim
          user: {}
        contexts:
        - name: kubesim
          context:
            cluster: kubesim
            user: kubesim
            namespace: default
        current-context: kubesim
        preferences: {}
        """.formatted(url());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ticker.ifPresent(ScheduledExecutorService::shutdownNow);
    hub.closeAll();
    server.stop(0);
    executor.shutdownNow();
    try {
      host.locked(() -> {
        hub.detach();
        return null;
      });
    } catch (IllegalStateException e) {
      // the cluster is closed already: nothing records into the hub any more
    }
  }

  // ---- routing

  private void handle(HttpExchange exchange) {
    try (exchange) {
      try {
        route(exchange);
      } catch (KubeSimException e) {
        send(exchange, e.code(), StatusObjects.failure(e, Optional.empty(), ""), "application/json", List.of());
      } catch (IllegalStateException e) {
        send(exchange, 503, StatusObjects.failure(503, "ServiceUnavailable", e.getMessage()), "application/json", List.of());
      } catch (RuntimeException e) {
        send(exchange, 500, StatusObjects.failure(500, "InternalError", "Internal error occurred: " + e), "application/json",
            List.of());
      }
    } catch (IOException e) {
      // the client has gone
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> segments = segments(exchange.getRequestURI().getRawPath());
    String accept = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept")).orElse("");
    if (segments.isEmpty()) {
      sendJson(exchange, 200, rootPaths());
      return;
    }
    String first = segments.get(0);
    switch (first) {
      case "version" -> {
        sendJson(exchange, 200, Discovery.version());
        return;
      }
      case "healthz", "livez", "readyz" -> {
        send(exchange, 200, "ok", "text/plain; charset=utf-8");
        return;
      }
      case "openapi" -> {
        if (segments.size() == 2 && segments.get(1).equals("v3")) {
          sendJson(exchange, 200, OpenApi.root());
        } else if (segments.size() > 2 && segments.get(1).equals("v3")) {
          Optional<JsonNode> doc = OpenApi.document(segments.subList(2, segments.size())).map(d -> d);
          sendJson(exchange, doc.isPresent() ? 200 : 404, doc.orElseGet(StatusObjects::pageNotFound));
        } else {
          sendJson(exchange, 404, StatusObjects.pageNotFound());
        }
        return;
      }
      case "api" -> {
        if (segments.size() == 1) {
          discovery(exchange, accept, true);
          return;
        }
        if (!segments.get(1).equals("v1")) {
          sendJson(exchange, 404, StatusObjects.pageNotFound());
          return;
        }
        if (segments.size() == 2) {
          sendJson(exchange, 200, Discovery.resourceList("v1"));
          return;
        }
        resource(exchange, "", "v1", segments.subList(2, segments.size()));
        return;
      }
      case "apis" -> {
        if (segments.size() == 1) {
          discovery(exchange, accept, false);
          return;
        }
        String group = segments.get(1);
        String version = ResourceCatalog.groups().get(group);
        if (version == null) {
          sendJson(exchange, 404, StatusObjects.pageNotFound());
          return;
        }
        if (segments.size() == 2) {
          sendJson(exchange, 200, Discovery.group(group, version));
          return;
        }
        if (!segments.get(2).equals(version)) {
          sendJson(exchange, 404, StatusObjects.pageNotFound());
          return;
        }
        if (segments.size() == 3) {
          sendJson(exchange, 200, Discovery.resourceList(group + "/" + version));
          return;
        }
        resource(exchange, group, version, segments.subList(3, segments.size()));
        return;
      }
      default -> sendJson(exchange, 404, StatusObjects.pageNotFound());
    }
  }

  private static JsonNode rootPaths() {
    var root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    var paths = root.putArray("paths");
    paths.add("/api").add("/api/v1").add("/apis");
    for (String gv : ResourceCatalog.groupVersions()) {
      if (gv.contains("/")) {
        paths.add("/apis/" + gv.substring(0, gv.indexOf('/'))).add("/apis/" + gv);
      }
    }
    paths.add("/healthz").add("/livez").add("/readyz").add("/version");
    return root;
  }

  /** Aggregated discovery when the client asks for it, the legacy documents otherwise. */
  private void discovery(HttpExchange exchange, String accept, boolean core) throws IOException {
    boolean aggregated = false;
    for (String range : accept.split(",")) {
      String r = range.replace(" ", "");
      if (r.contains("g=apidiscovery.k8s.io") && r.contains("v=v2;") && r.contains("as=APIGroupDiscoveryList")
          || r.equals(Discovery.AGGREGATED_V2)) {
        aggregated = true;
      }
    }
    if (aggregated) {
      send(exchange, 200, ObjectCodec.mapper().writeValueAsString(Discovery.aggregated(core)), Discovery.AGGREGATED_V2);
    } else if (core) {
      sendJson(exchange, 200, Discovery.apiVersions(url().getAuthority()));
    } else {
      sendJson(exchange, 200, Discovery.groupList());
    }
  }

  /** {@code [namespaces/NS/]RESOURCE[/NAME[/SUBRESOURCE]]}, and the legacy {@code watch/} prefix. */
  private void resource(HttpExchange exchange, String group, String version, List<String> rest) throws IOException {
    boolean legacyWatch = false;
    List<String> r = new ArrayList<>(rest);
    if (r.get(0).equals("watch")) {
      legacyWatch = true;
      r.remove(0);
    }
    String namespace = "";
    if (r.size() >= 3 && r.get(0).equals("namespaces")) {
      Optional<KindInfo> inner = ResourceCatalog.resource(group, version, r.get(2)).filter(KindInfo::namespaced);
      if (inner.isPresent()) {
        namespace = r.get(1);
        r = r.subList(2, r.size());
      }
    }
    if (r.isEmpty() || r.size() > 3) {
      sendJson(exchange, 404, StatusObjects.pageNotFound());
      return;
    }
    Optional<KindInfo> kind = ResourceCatalog.resource(group, version, r.get(0));
    if (kind.isEmpty()) {
      sendJson(exchange, 404, StatusObjects.pageNotFound());
      return;
    }
    String name = r.size() > 1 ? r.get(1) : "";
    String sub = r.size() > 2 ? r.get(2) : "";
    if (kind.get().namespaced() && !name.isEmpty() && namespace.isEmpty()) {
      sendJson(exchange, 404, StatusObjects.pageNotFound());
      return;
    }
    String session = exchange.getRequestHeaders().getFirst("Kubectl-Session");
    if (session != null && !session.equals(lastKubectlSession)) {
      // A new kubectl command: what the last one's writes left pending runs first, as kubesim's own
      // kubectl settles at the end of each command.
      lastKubectlSession = session;
      host.locked(() -> {
        host.settle();
        return null;
      });
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    ApiRequest request = new ApiRequest(exchange.getRequestMethod(), kind.get(), namespace, name, sub,
        ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body);
    List<String> warnings = kind.get().kind().equals("Endpoints") ? List.of(ENDPOINTS_WARNING) : List.of();
    try {
      if (request.method().equals("GET") && (legacyWatch || request.flag("watch"))) {
        if (isWebSocketUpgrade(exchange)) {
          // The JDK's server cannot switch protocols. The answer is the one a server that ignores the
          // Upgrade header gives, but complete at once: a watch that ended before its first event
          // (200, no body). A client that tries WebSocket first (fabric8) then watches over plain
          // HTTP, instead of waiting for a handshake on a stream that never ends, or retrying a 5xx.
          List<String> all = new ArrayList<>(warnings);
          all.add(WEBSOCKET_WATCH_WARNING);
          send(exchange, 200, "", "application/json", all);
          return;
        }
        new WatchStream(host, hub, request, !wallClock, () -> closed).run(exchange, warnings);
        return;
      }
      ResourceRequests.Reply reply = resources.handle(request);
      List<String> all = new ArrayList<>(warnings);
      all.addAll(reply.warnings());
      String type = reply.body().path("kind").asText().equals("Table")
          ? "application/json;as=Table;v=v1;g=meta.k8s.io" : "application/json";
      send(exchange, reply.code(), ObjectCodec.mapper().writeValueAsString(reply.body()), type, all);
    } catch (KubeSimException e) {
      send(exchange, e.code(), StatusObjects.failure(e, kind, name), "application/json", warnings);
    }
  }

  /** {@code Connection: Upgrade} with {@code Upgrade: websocket}, as a WebSocket handshake asks. */
  static boolean isWebSocketUpgrade(HttpExchange exchange) {
    String upgrade = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Upgrade")).orElse("");
    return upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket");
  }

  private static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  // ---- responses

  private static void sendJson(HttpExchange exchange, int code, JsonNode body) throws IOException {
    send(exchange, code, body, "application/json", List.of());
  }

  private static void send(HttpExchange exchange, int code, JsonNode body, String type, List<String> warnings)
      throws IOException {
    String text;
    try {
      text = ObjectCodec.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    send(exchange, code, text, type, warnings);
  }

  private static void send(HttpExchange exchange, int code, String body, String type) throws IOException {
    send(exchange, code, body, type, List.of());
  }

  private static void send(HttpExchange exchange, int code, String body, String type, List<String> warnings)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
    for (String w : warnings) {
      exchange.getResponseHeaders().add("Warning", w);
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
    if (!head && bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
