package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Changes through fabric8: the three patch types, {@code edit} and {@code scale}. */
@Timeout(120) // a hung client fails the test instead of the build
class Fabric8PatchTest {

  @Test
  void aJsonMergePatchReplacesTheLabelsItNamesAndDeletesNulls() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.services().resource(Manifests.service("kubia")).create();
      Service patched = client.services().withName("kubia").patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"metadata\":{\"labels\":{\"tier\":\"web\",\"app\":null}}}");
      assertThat(patched.getMetadata().getLabels()).isEqualTo(Map.of("tier", "web"));
    }
  }

  @Test
  void aStrategicMergePatchMergesContainersByName() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 1)).create();
      Deployment patched = client.apps().deployments().withName("kubia").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
          "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"kubia\",\"image\":\"luksa/kubia:v2\"}]}}}}");
      assertThat(patched.getSpec().getTemplate().getSpec().getContainers()).singleElement().satisfies(c -> {
        assertThat(c.getImage()).isEqualTo("luksa/kubia:v2");
        assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
      });
      assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);
    }
  }

  @Test
  void aJsonPatchAppliesItsOperationsInOrder() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.services().resource(Manifests.service("kubia")).create();
      Service patched = client.services().withName("kubia").patch(PatchContext.of(PatchType.JSON),
          "[{\"op\":\"add\",\"path\":\"/metadata/labels/tier\",\"value\":\"web\"},"
              + "{\"op\":\"replace\",\"path\":\"/spec/ports/0/port\",\"value\":8080},"
              + "{\"op\":\"test\",\"path\":\"/spec/ports/0/port\",\"value\":8080}]");
      assertThat(patched.getMetadata().getLabels()).containsEntry("tier", "web").containsEntry("app", "kubia");
      assertThat(patched.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
    }
  }

  @Test
  void theClientsDefaultPatchOfAChangedObjectIsSent() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      Service created = client.services().resource(Manifests.service("kubia")).create();
      Service changed = new ServiceBuilder(created).editMetadata().addToAnnotations("owner", "team-a").endMetadata().build();
      Service patched = client.services().resource(changed).patch();
      assertThat(patched.getMetadata().getAnnotations()).containsEntry("owner", "team-a");
      assertThat(patched.getSpec().getClusterIP()).isEqualTo(created.getSpec().getClusterIP());
    }
  }

  @Test
  void editChangesTheObjectAndKeepsWhatTheServerAllocated() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      Deployment created = client.apps().deployments().resource(Manifests.kubia("kubia", 1)).create();
      Deployment edited = client.apps().deployments().withName("kubia")
          .edit(d -> new DeploymentBuilder(d).editMetadata().addToLabels("tier", "web").endMetadata()
              .editSpec().withMinReadySeconds(5).endSpec().build());
      assertThat(edited.getMetadata().getLabels()).containsEntry("tier", "web");
      assertThat(edited.getSpec().getMinReadySeconds()).isEqualTo(5);
      assertThat(edited.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
      assertThat(Long.parseLong(edited.getMetadata().getResourceVersion()))
          .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));
    }
  }

  @Test
  void scaleChangesTheReplicasThroughTheScaleSubresource() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      client.apps().deployments().resource(Manifests.kubia("kubia", 1)).create();
      Scale before = client.apps().deployments().withName("kubia").scale();
      assertThat(before.getSpec().getReplicas()).isEqualTo(1);

      client.apps().deployments().withName("kubia").scale(4);
      assertThat(client.apps().deployments().withName("kubia").get().getSpec().getReplicas()).isEqualTo(4);
      assertThat(client.pods().withLabel("app", "kubia").list().getItems()).hasSize(4);
      Scale after = client.apps().deployments().withName("kubia").scale();
      assertThat(after.getStatus().getReplicas()).isEqualTo(4);
      assertThat(after.getStatus().getSelector()).isEqualTo("app=kubia");
    }
  }
}
