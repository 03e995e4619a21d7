package dev.kubesim.samples.clients;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.samples.bench.Benchmark;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;

/**
 * {@code api.create.rate}: Services created one after another by fabric8's client over HTTP,
 * per second, against a served kubesim cluster ({@code api.create.rate}) and against fabric8's own
 * mock server in CRUD mode ({@code api.create.rate.mock}), which stores what it is sent and
 * allocates, validates and reacts to nothing: the cost of the HTTP round trip and the client alone.
 * Both in one group, so that they are sampled in turn in the same warm JVM.
 */
final class ApiCreateRateBenchmark implements Benchmark, AutoCloseable {
  /** Services created by one sample. */
  static final int COUNT = 500;

  private final String name;
  private final KubernetesClient client;
  private final AutoCloseable server;
  private int created;

  private ApiCreateRateBenchmark(String name, KubernetesClient client, AutoCloseable server) {
    this.name = name;
    this.client = client;
    this.server = server;
  }

  /** Against a served 3-node kubesim cluster (seed 1), through the kubeconfig it hands out. */
  static ApiCreateRateBenchmark kubesim() {
    Cluster cluster = KubeSim.cluster().seed(1).nodes(3).build();
    KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(cluster.serve().kubeconfig())).build();
    return new ApiCreateRateBenchmark("api.create.rate", client, cluster);
  }

  /**
   * Against a server that does nothing: the JDK's HTTP server answering every request at once with
   * {@code 201 Created} and the body it was sent. What is left is fabric8's own cost and the round
   * trip: the most any server can give this client on this machine.
   */
  static ApiCreateRateBenchmark floor() {
    // Without TCP_NODELAY the JDK's server waits out the client's delayed ACK (~40 ms) between
    // the headers and the body of every response. Read once, when its configuration loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      com.sun.net.httpserver.HttpServer server =
          com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      Config config = new io.fabric8.kubernetes.client.ConfigBuilder()
          .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort()).withNamespace("default").build();
      KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
      return new ApiCreateRateBenchmark("api.create.rate.floor", client, () -> server.stop(0));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Against fabric8's {@link KubernetesMockServer} in CRUD mode, over plain HTTP. */
  static ApiCreateRateBenchmark mock() {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init();
    return new ApiCreateRateBenchmark("api.create.rate.mock", server.createClient(), server::destroy);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String unit() {
    return "services/s";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public int warmups() {
    return 3;
  }

  @Override
  public int samples() {
    return 7;
  }

  @Override
  public String group() {
    return "api.create.rate";
  }

  @Override
  public double sample() {
    long start = System.nanoTime();
    for (int i = 0; i < COUNT; i++) {
      client.services().inNamespace("default").resource(service("svc-" + created++)).create();
    }
    return COUNT / ((System.nanoTime() - start) / 1e9);
  }

  private static Service service(String name) {
    return new ServiceBuilder()
        .withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
        .withNewSpec().addToSelector("app", name).addNewPort().withPort(80).endPort().endSpec()
        .build();
  }

  @Override
  public void close() throws Exception {
    client.close();
    server.close();
  }
}
