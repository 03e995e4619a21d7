package dev.kubesim.impl.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubesim.api.KubeSimException;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.codec.CompactJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Kubernetes API of a simulated cluster over plain HTTP on 127.0.0.1, on Jetty's core server
 * (the JDK's own cannot switch a connection to WebSocket, as exec, attach and port-forward need):
 * discovery, and the verbs on every kind the cluster stores, answered by the cluster's
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

  /** {@code /api/v1/namespaces/NS/(pods|services)/ID/proxy[/PATH]}, the path kept as sent. */
  private static final java.util.regex.Pattern PROXY =
      java.util.regex.Pattern.compile("^/api/v1/namespaces/([^/]+)/(pods|services)/([^/]+)/proxy(/.*)?$");

  private final RestHost host;
  private final Server server;
  private final ServerConnector connector;
  private final WebSocketUpgrades streams;
  private final PodLogRequests logs;
  private final ProxyRequests proxies;
  private final WatchHub hub;
  private final boolean wallClock;
  private final ResourceRequests resources;
  private final Optional<ScheduledExecutorService> ticker;
  private volatile boolean closed;
  private volatile String lastKubectlSession;

  private ApiHttpServer(RestHost host, int port, boolean wallClock, int watchHistory) throws Exception {
    this.host = host;
    this.wallClock = wallClock;
    this.resources = new ResourceRequests(host, r -> {
      String session = r.headers().apply("Kubectl-Session");
      return session != null && session.equals(lastKubectlSession);
    });
    this.hub = host.locked(() -> new WatchHub(host.api().store(), () -> host.loop().clock().instant(),
        o -> host.api().managedFields(o), watchHistory));
    answerJettysReferenceQuestion();
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("kubesim-api");
    threads.setDaemon(true);
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    // A watch may wait for its next event for as long as its client likes; the loopback connection
    // closes with the server.
    connector.setIdleTimeout(0);
    server.addConnector(connector);
    this.streams = new WebSocketUpgrades(host, this::watchUpgrade);
    this.logs = new PodLogRequests(host, () -> closed);
    this.proxies = new ProxyRequests(host);
    server.setHandler(streams.wrap(server, new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        ApiHttpServer.this.handle(new JettyExchange(request, response));
        callback.succeeded();
        return true;
      }
    }));
    try {
      server.start();
    } catch (Exception e) {
      host.locked(() -> {
        hub.detach();
        return null;
      });
      server.stop();
      throw e;
    }
    this.ticker = wallClock ? Optional.of(startTicker()) : Optional.empty();
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
    } catch (Exception e) {
      throw new IllegalStateException("cannot serve the API on 127.0.0.1:" + port + ": " + e.getMessage(), e);
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
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
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
    try {
      server.stop();
    } catch (Exception e) {
      // stopping closes the connections; nothing is left to release
    }
    streams.close();
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

  private void handle(RestExchange exchange) {
    try {
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

  private void route(RestExchange exchange) throws IOException {
    List<String> segments = ResourcePath.segments(exchange.rawPath());
    String accept = exchange.header("Accept").orElse("");
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
          sendJson(exchange, 200, OpenApi.root(host.api().kinds()));
        } else if (segments.size() > 2 && segments.get(1).equals("v3")) {
          Optional<JsonNode> doc = OpenApi.document(host.api().kinds(), segments.subList(2, segments.size())).map(d -> d);
          sendJson(exchange, doc.isPresent() ? 200 : 404, doc.orElseGet(StatusObjects::pageNotFound));
        } else {
          sendJson(exchange, 404, StatusObjects.pageNotFound());
        }
        return;
      }
      case "api" -> {
        java.util.regex.Matcher proxy = PROXY.matcher(exchange.rawPath());
        if (proxy.matches()) {
          proxies.serve(exchange, proxy.group(2), URLDecoder.decode(proxy.group(1), StandardCharsets.UTF_8),
              URLDecoder.decode(proxy.group(3), StandardCharsets.UTF_8), Optional.ofNullable(proxy.group(4)).orElse(""));
          return;
        }
        if (segments.size() == 1) {
          discovery(exchange, accept, true);
          return;
        }
        if (!segments.get(1).equals("v1")) {
          sendJson(exchange, 404, StatusObjects.pageNotFound());
          return;
        }
        if (segments.size() == 2) {
          sendJson(exchange, 200, Discovery.resourceList(host.api().kinds(), "v1"));
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
        String version = ResourceCatalog.groups(host.api().kinds()).get(group);
        if (version == null) {
          sendJson(exchange, 404, StatusObjects.pageNotFound());
          return;
        }
        if (segments.size() == 2) {
          sendJson(exchange, 200, Discovery.group(host.api().kinds(), group, version));
          return;
        }
        if (!ResourceCatalog.versions(host.api().kinds(), group).contains(segments.get(2))) {
          sendJson(exchange, 404, StatusObjects.pageNotFound());
          return;
        }
        if (segments.size() == 3) {
          sendJson(exchange, 200, Discovery.resourceList(host.api().kinds(), group + "/" + segments.get(2)));
          return;
        }
        resource(exchange, group, segments.get(2), segments.subList(3, segments.size()));
        return;
      }
      default -> sendJson(exchange, 404, StatusObjects.pageNotFound());
    }
  }

  private JsonNode rootPaths() {
    var root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    var paths = root.putArray("paths");
    paths.add("/api").add("/api/v1").add("/apis");
    for (String gv : ResourceCatalog.groupVersions(host.api().kinds())) {
      if (gv.contains("/")) {
        paths.add("/apis/" + gv.substring(0, gv.indexOf('/'))).add("/apis/" + gv);
      }
    }
    paths.add("/healthz").add("/livez").add("/readyz").add("/version");
    return root;
  }

  /** Aggregated discovery when the client asks for it, the legacy documents otherwise. */
  private void discovery(RestExchange exchange, String accept, boolean core) throws IOException {
    boolean aggregated = false;
    for (String range : accept.split(",")) {
      String r = range.replace(" ", "");
      if (r.contains("g=apidiscovery.k8s.io") && r.contains("v=v2;") && r.contains("as=APIGroupDiscoveryList")
          || r.equals(Discovery.AGGREGATED_V2)) {
        aggregated = true;
      }
    }
    if (aggregated) {
      send(exchange, 200, CompactJson.text(Discovery.aggregated(host.api().kinds(), core)), Discovery.AGGREGATED_V2);
    } else if (core) {
      sendJson(exchange, 200, Discovery.apiVersions(url().getAuthority()));
    } else {
      sendJson(exchange, 200, Discovery.groupList(host.api().kinds()));
    }
  }

  /** {@code [namespaces/NS/]RESOURCE[/NAME[/SUBRESOURCE]]}, and the legacy {@code watch/} prefix. */
  private void resource(RestExchange exchange, String group, String version, List<String> rest) throws IOException {
    Optional<ResourcePath> path = ResourcePath.of(host.api().kinds(), group, version, rest);
    if (path.isEmpty()) {
      sendJson(exchange, 404, StatusObjects.pageNotFound());
      return;
    }
    boolean legacyWatch = path.get().legacyWatch();
    Optional<KindInfo> kind = Optional.of(path.get().kind());
    String namespace = path.get().namespace();
    String name = path.get().name();
    String sub = path.get().subresource();
    String session = exchange.header("Kubectl-Session").orElse(null);
    if (session != null && !session.equals(lastKubectlSession)) {
      // A new kubectl command: what the last one's writes left pending runs first, as kubesim's own
      // kubectl settles at the end of each command.
      lastKubectlSession = session;
      host.locked(() -> {
        host.settle();
        return null;
      });
    }
    byte[] body = exchange.body();
    ApiRequest request = new ApiRequest(exchange.method(), kind.get(), namespace, name, sub,
        ApiRequest.parseQuery(exchange.rawQuery()), name1 -> exchange.header(name1).orElse(null), body);
    List<String> warnings = kind.get().kind().equals("Endpoints") ? List.of(ENDPOINTS_WARNING) : List.of();
    if (kind.get().kind().equals("Pod") && !name.isEmpty() && podStream(exchange, namespace, name, sub)) {
      return;
    }
    try {
      if (request.method().equals("GET") && (legacyWatch || request.flag("watch"))) {
        new WatchStream(host, hub, request, !wallClock, () -> closed).run(exchange, warnings);
        return;
      }
      ResourceRequests.Reply reply = resources.handle(request);
      List<String> all = new ArrayList<>(warnings);
      all.addAll(reply.warnings());
      String type = reply.body().path("kind").asText().equals("Table")
          ? "application/json;as=Table;v=v1;g=meta.k8s.io" : "application/json";
      send(exchange, reply.code(), CompactJson.text(reply.body()), type, all);
    } catch (KubeSimException e) {
      send(exchange, e.code(), StatusObjects.failure(e, kind, name), "application/json", warnings);
    }
  }

  /**
   * A pod's streaming subresources that reach this handler: {@code log}, and {@code exec}, {@code
   * attach} or {@code portforward} asked without a WebSocket upgrade (plain, or SPDY, which kubectl
   * falls back to when the WebSocket upgrade was refused): the API server's checks answer first, as
   * they answered the upgrade, then {@code Upgrade request required}.
   *
   * @return whether the request was one of those, and is answered
   */
  private boolean podStream(RestExchange exchange, String namespace, String name, String sub) throws IOException {
    switch (sub) {
      case "log" -> {
        if (!exchange.method().equals("GET")) {
          return false;
        }
        logs.serve(exchange, namespace, name, ApiRequest.parseQuery(exchange.rawQuery()));
        return true;
      }
      case "exec", "attach", "portforward" -> {
        if (sub.equals("exec")) {
          streams.check(namespace, name, exchange.rawQuery());
        } else if (sub.equals("portforward")) {
          streams.checkPortForward(namespace, name);
        } else {
          host.locked(() -> host.api().getOrThrow(dev.kubesim.api.model.Pod.KIND, namespace, name));
        }
        String how = exchange.header("Upgrade").orElse("").isEmpty() ? "Upgrade request required"
            : "Upgrade request required: this server streams " + sub + " over WebSocket only";
        send(exchange, 400, StatusObjects.failure(400, "BadRequest", how), "application/json", List.of());
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * A watch asked over WebSocket: checked as the same watch over HTTP is (its path, selectors),
   * then streamed as text messages ({@link WatchSocket}); anything else asked over WebSocket is
   * refused, as it would be answered over plain HTTP.
   */
  private Object watchUpgrade(org.eclipse.jetty.websocket.server.ServerUpgradeRequest upgrade,
      org.eclipse.jetty.websocket.server.ServerUpgradeResponse response, org.eclipse.jetty.util.Callback callback,
      java.util.concurrent.Executor worker) {
    RestExchange exchange = new JettyExchange(upgrade, response);
    Optional<ResourcePath> path = ResourcePath.ofPath(host.api().kinds(), exchange.rawPath());
    java.util.Map<String, String> query = ApiRequest.parseQuery(exchange.rawQuery());
    boolean watch = "true".equals(query.get("watch")) || "1".equals(query.get("watch"));
    if (path.isEmpty() || !(path.get().legacyWatch() || watch) || !path.get().subresource().isEmpty()) {
      return WebSocketUpgrades.refuse(response, callback, new dev.kubesim.api.BadRequestException(
          "only watches, exec and port-forward are served over WebSocket: ask for this over plain HTTP"));
    }
    ResourcePath p = path.get();
    ApiRequest request = new ApiRequest("GET", p.kind(), p.namespace(), p.name(), "", query,
        name -> exchange.header(name).orElse(null), new byte[0]);
    java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
    WatchStream stream;
    try {
      stream = new WatchStream(host, hub, request, !wallClock, () -> closed || gone.get());
    } catch (KubeSimException e) {
      return WebSocketUpgrades.refuse(response, callback, e);
    }
    List<String> warnings = p.kind().kind().equals("Endpoints") ? List.of(ENDPOINTS_WARNING) : List.of();
    return new WatchSocket(stream, exchange, warnings, worker, () -> gone.set(true));
  }

  /** Jetty's property for the number of object references in a cache line. */
  private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  /**
   * Tells Jetty how many object references fill a cache line, unless someone already has. Left
   * alone, Jetty asks the platform MBean server whether references are compressed, which starts
   * JMX and the JDK's logging: about a tenth of a second of a served cluster's start. References
   * are compressed below a 32 GiB heap unless switched off; the answer only sizes Jetty's padding
   * against false sharing, so a wrong guess costs nothing but a little memory.
   */
  private static void answerJettysReferenceQuestion() {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      boolean compressed = Runtime.getRuntime().maxMemory() < (32L << 30);
      System.setProperty(REFERENCES_PER_CACHE_LINE, compressed ? "16" : "8");
    }
  }

  // ---- responses

  private static void sendJson(RestExchange exchange, int code, JsonNode body) throws IOException {
    send(exchange, code, body, "application/json", List.of());
  }

  private static void send(RestExchange exchange, int code, JsonNode body, String type, List<String> warnings)
      throws IOException {
    send(exchange, code, CompactJson.text(body), type, warnings);
  }

  private static void send(RestExchange exchange, int code, String body, String type) throws IOException {
    send(exchange, code, body, type, List.of());
  }

  private static void send(RestExchange exchange, int code, String body, String type, List<String> warnings)
      throws IOException {
    exchange.send(code, body.getBytes(StandardCharsets.UTF_8), type, warnings);
  }
}
