package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fabric8 {@link SharedIndexInformer} kept in step with a served cluster by its list and watch. */
@Timeout(120) // a hung client fails the test instead of the build
class Fabric8InformerTest {
  private static final long BOUND_SECONDS = 30;

  @Test
  void anInformerSeesADeletedPodReplacedByItsReplicaSet() throws InterruptedException {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 3)).create();
      client.apps().deployments().withName("kubia").waitUntilReady(BOUND_SECONDS, TimeUnit.SECONDS);

      LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
      try (SharedIndexInformer<Pod> informer = client.pods().withLabel("app", "kubia").inform(new ResourceEventHandler<>() {
        @Override
        public void onAdd(Pod pod) {
          events.add("add " + pod.getMetadata().getName());
        }

        @Override
        public void onUpdate(Pod before, Pod after) {}

        @Override
        public void onDelete(Pod pod, boolean finalStateUnknown) {
          events.add("delete " + pod.getMetadata().getName());
        }
      })) {
        informer.start().toCompletableFuture().join();
        assertThat(informer.hasSynced()).isTrue();
        List<String> before = informer.getIndexer().list().stream().map(p -> p.getMetadata().getName()).sorted().toList();
        assertThat(before).hasSize(3);
        for (int i = 0; i < 3; i++) {
          assertThat(events.poll(BOUND_SECONDS, TimeUnit.SECONDS)).startsWith("add ");
        }

        String victim = before.get(0);
        client.pods().withName(victim).withGracePeriod(0).delete();

        String first = events.poll(BOUND_SECONDS, TimeUnit.SECONDS);
        String second = events.poll(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(List.of(String.valueOf(first), String.valueOf(second)))
            .as("informer events after deleting %s, seed %d", victim, ServedCluster.SEED)
            .contains("delete " + victim)
            .anySatisfy(e -> assertThat(e).startsWith("add kubia-").isNotEqualTo("add " + victim));

        List<String> after = informer.getIndexer().list().stream().map(p -> p.getMetadata().getName()).sorted().toList();
        assertThat(after).hasSize(3).doesNotContain(victim);
        assertThat(informer.getIndexer().getByKey("default/" + victim)).isNull();
      }
    }
  }
}
