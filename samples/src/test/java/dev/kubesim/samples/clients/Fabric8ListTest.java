package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lists through fabric8: label selectors, field selectors, and pages with {@code limit} and {@code continue}. */
@Timeout(120) // a hung client fails the test instead of the build
class Fabric8ListTest {

  private static List<String> names(PodList list) {
    return list.getItems().stream().map(p -> p.getMetadata().getName()).toList();
  }

  @Test
  void labelSelectorsPickThePodsOfOneApp() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 2)).create();
      client.apps().deployments().resource(Manifests.kubia("other", 1)).create();

      assertThat(client.pods().withLabel("app", "kubia").list().getItems()).hasSize(2);
      assertThat(client.pods().withLabelIn("app", "kubia", "other").list().getItems()).hasSize(3);
      assertThat(client.pods().withLabelNotIn("app", "kubia").list().getItems()).hasSize(1);
      assertThat(client.pods().withoutLabel("app", "kubia").list().getItems()).hasSize(1);
      assertThat(client.pods().withLabel("pod-template-hash").list().getItems()).hasSize(3);
      assertThat(client.pods().withoutLabel("pod-template-hash").list().getItems()).isEmpty();
      assertThat(client.pods().withLabel("app", "nothing").list().getItems()).isEmpty();
    }
  }

  @Test
  void fieldSelectorsPickPodsByNameNodeAndPhase() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 3)).create();
      client.apps().deployments().withName("kubia").waitUntilReady(30, TimeUnit.SECONDS);
      Pod first = client.pods().list().getItems().get(0);
      String node = first.getSpec().getNodeName();

      assertThat(names(client.pods().withField("metadata.name", first.getMetadata().getName()).list()))
          .containsExactly(first.getMetadata().getName());
      assertThat(client.pods().withField("spec.nodeName", node).list().getItems())
          .allSatisfy(p -> assertThat(p.getSpec().getNodeName()).isEqualTo(node));
      assertThat(client.pods().withField("status.phase", "Running").list().getItems()).hasSize(3);
      assertThat(client.pods().withoutField("status.phase", "Running").list().getItems()).isEmpty();
      assertThat(client.pods().inAnyNamespace().withField("metadata.namespace", "kube-system").list().getItems())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.getMetadata().getNamespace()).isEqualTo("kube-system"));
    }
  }

  @Test
  void pagesWithLimitAndContinueListEveryPodOnce() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 5)).create();
      List<String> all = names(client.pods().list());
      assertThat(all).hasSize(5);

      List<String> paged = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      String token = null;
      do {
        PodList page = client.pods().list(new ListOptionsBuilder().withLimit(2L).withContinue(token).build());
        paged.addAll(names(page));
        sizes.add(page.getItems().size());
        token = page.getMetadata().getContinue();
        if (token != null) {
          assertThat(page.getMetadata().getRemainingItemCount()).isEqualTo(5L - paged.size());
        }
      } while (token != null && !token.isEmpty());
      assertThat(sizes).containsExactly(2, 2, 1);
      assertThat(paged).containsExactlyElementsOf(all);
    }
  }

  @Test
  void anInformerListingInPagesOfTwoHoldsEveryPod() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 5)).create();
      try (var informer = client.pods().withLimit(2L).inform()) {
        List<String> cached = informer.getStore().list().stream().map(p -> p.getMetadata().getName()).sorted().toList();
        assertThat(cached).containsExactlyElementsOf(names(client.pods().list()).stream().sorted().toList());
      }
    }
  }
}
