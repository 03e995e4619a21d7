package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deletes through fabric8, with each propagation policy. */
@Timeout(120) // a hung client fails the test instead of the build
class Fabric8DeleteTest {

  @Test
  void deletingADeploymentInTheBackgroundTakesItsReplicaSetsAndPods() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 2)).create();
      List<StatusDetails> details = client.apps().deployments().withName("kubia")
          .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
      assertThat(details).singleElement().satisfies(d -> {
        assertThat(d.getName()).isEqualTo("kubia");
        assertThat(d.getKind()).isEqualTo("deployments");
        assertThat(d.getGroup()).isEqualTo("apps");
      });
      assertThat(client.apps().deployments().withName("kubia").get()).isNull();
      assertThat(client.apps().replicaSets().withLabel("app", "kubia").list().getItems()).isEmpty();
      // Deleted pods terminate through their grace period: listed until the virtual time passes.
      served.cluster().advance(java.time.Duration.ofSeconds(31));
      assertThat(client.pods().withLabel("app", "kubia").list().getItems()).isEmpty();
    }
  }

  @Test
  void deletingADeploymentInTheForegroundKeepsItUntilItsDependentsAreGone() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 2)).create();
      client.apps().deployments().withName("kubia").withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
      served.cluster().advance(java.time.Duration.ofSeconds(31));
      assertThat(client.apps().deployments().withName("kubia").get()).isNull();
      assertThat(client.apps().replicaSets().withLabel("app", "kubia").list().getItems()).isEmpty();
      assertThat(client.pods().withLabel("app", "kubia").list().getItems()).isEmpty();
    }
  }

  @Test
  void orphanedReplicaSetsAndPodsStayWithoutTheirOwner() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 2)).create();
      client.apps().deployments().withName("kubia").withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
      assertThat(client.apps().deployments().withName("kubia").get()).isNull();
      assertThat(client.apps().replicaSets().withLabel("app", "kubia").list().getItems()).singleElement()
          .satisfies(rs -> assertThat(rs.getMetadata().getOwnerReferences()).isEmpty());
      assertThat(client.pods().withLabel("app", "kubia").list().getItems()).hasSize(2);
    }
  }

  @Test
  void deletingWhatIsNotThereReturnsNoDetails() {
    try (ServedCluster served = ServedCluster.start()) {
      assertThat(served.client().services().withName("missing").delete()).isEmpty();
    }
  }
}
