package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.readiness.Readiness;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A Deployment and a Service created by fabric8, its pods watched to Ready, its endpoints read back. */
@Timeout(120) // a hung client fails the test instead of the build
class Fabric8WorkloadTest {
  /** How long a test waits for the server's events before it fails; never reached when all is well. */
  private static final long BOUND_SECONDS = 30;

  @Test
  void aCreatedDeploymentAndServiceComeBackAsTheServerStoredThem() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      Deployment deployment = client.apps().deployments().resource(Manifests.kubia("kubia", 3)).create();
      Service service = client.services().resource(Manifests.service("kubia")).create();

      assertThat(deployment.getMetadata().getUid()).isNotEmpty();
      assertThat(deployment.getMetadata().getResourceVersion()).isNotEmpty();
      assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
      assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("Always");
      assertThat(service.getSpec().getClusterIP()).matches("10\\.(9[6-9]|10[0-9]|11[01])\\.\\d+\\.\\d+"); // in 10.96.0.0/12
      assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
      assertThat(service.getSpec().getPorts().get(0).getProtocol()).isEqualTo("TCP");
      assertThat(client.apps().deployments().withName("kubia").get().getMetadata().getUid())
          .isEqualTo(deployment.getMetadata().getUid());
    }
  }

  @Test
  void aWatchSeesTheDeploymentsPodsAddedThenReady() throws InterruptedException {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      Map<String, List<String>> seen = Collections.synchronizedMap(new TreeMap<>());
      CountDownLatch allReady = new CountDownLatch(3);
      try (Watch watch = client.pods().withLabel("app", "kubia").watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, Pod pod) {
          boolean ready = Readiness.isPodReady(pod);
          List<String> events = seen.computeIfAbsent(pod.getMetadata().getName(), n -> new ArrayList<>());
          boolean wasReady = events.contains("READY");
          events.add(action + (ready ? " ready" : ""));
          if (ready && !wasReady) {
            events.add("READY");
            allReady.countDown();
          }
        }

        @Override
        public void onClose(WatcherException cause) {}
      })) {
        client.apps().deployments().resource(Manifests.kubia("kubia", 3)).create();
        // A read lets the cluster settle (image pulls, container starts, the readiness probe): the
        // virtual time a real cluster's pods take to become Ready.
        client.pods().list();
        assertThat(allReady.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("pods ready, seed %d: %s", ServedCluster.SEED, seen).isTrue();
      }
      assertThat(seen).hasSize(3);
      assertThat(seen.values()).allSatisfy(events -> assertThat(events.get(0)).isEqualTo("ADDED"));
    }
  }

  @Test
  void waitUntilReadyAndWaitUntilConditionReturnTheReadyObjects() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 2)).create();
      Deployment ready = client.apps().deployments().withName("kubia").waitUntilReady(BOUND_SECONDS, TimeUnit.SECONDS);
      assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(2);
      assertThat(ready.getStatus().getAvailableReplicas()).isEqualTo(2);

      String podName = client.pods().withLabel("app", "kubia").list().getItems().get(0).getMetadata().getName();
      Pod pod = client.pods().withName(podName)
          .waitUntilCondition(p -> p != null && "Running".equals(p.getStatus().getPhase()), BOUND_SECONDS, TimeUnit.SECONDS);
      assertThat(pod.getStatus().getPodIP()).startsWith("10.244.");
      assertThat(Readiness.getInstance().isReady(pod)).isTrue();
    }
  }

  @Test
  void theServicesEndpointSliceAndEndpointsListTheReadyPods() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 3)).create();
      client.services().resource(Manifests.service("kubia")).create();
      client.apps().deployments().withName("kubia").waitUntilReady(BOUND_SECONDS, TimeUnit.SECONDS);
      List<String> podIps = client.pods().withLabel("app", "kubia").list().getItems().stream()
          .map(p -> p.getStatus().getPodIP()).sorted().toList();

      EndpointSliceList slices = client.discovery().v1().endpointSlices()
          .withLabel("kubernetes.io/service-name", "kubia").list();
      assertThat(slices.getItems()).hasSize(1);
      EndpointSlice slice = slices.getItems().get(0);
      assertThat(slice.getAddressType()).isEqualTo("IPv4");
      assertThat(slice.getPorts()).singleElement().satisfies(p -> {
        assertThat(p.getName()).isEqualTo("http");
        assertThat(p.getPort()).isEqualTo(8080);
      });
      assertThat(slice.getEndpoints()).extracting(e -> e.getAddresses().get(0)).containsExactlyInAnyOrderElementsOf(podIps);
      assertThat(slice.getEndpoints()).allSatisfy(e -> {
        assertThat(e.getConditions().getReady()).isTrue();
        assertThat(e.getTargetRef().getKind()).isEqualTo("Pod");
        assertThat(e.getNodeName()).startsWith("node-");
      });

      Endpoints endpoints = client.endpoints().withName("kubia").get();
      assertThat(endpoints.getSubsets()).singleElement().satisfies(s -> {
        assertThat(s.getAddresses()).extracting(a -> a.getIp()).containsExactlyElementsOf(podIps);
        assertThat(s.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(8080));
      });
    }
  }
}
