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
