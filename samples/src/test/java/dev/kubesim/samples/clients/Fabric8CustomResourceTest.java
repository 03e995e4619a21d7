package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A CustomResourceDefinition created through fabric8's apiextensions client, and custom resources
 * of its kind through {@code GenericKubernetesResource}, found by discovery as operators find them.
 */
@Timeout(120) // a hung client fails the test instead of the build
class Fabric8CustomResourceTest {
  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: crontabs.stable.example.com
      spec:
        group: stable.example.com
        scope: Namespaced
        names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct]}
        versions:
        - name: v1
          served: true
          storage: true
          subresources: {status: {}}
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  properties:
                    cronSpec: {type: string}
                    replicas: {type: integer, maximum: 10}
                status:
                  type: object
                  properties:
                    ready: {type: boolean}
      """;

  @Test
  void customResourcesThroughGenericKubernetesResource() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
          .load(new ByteArrayInputStream(CRD.getBytes(StandardCharsets.UTF_8))).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
      CustomResourceDefinition established = client.apiextensions().v1().customResourceDefinitions()
          .withName("crontabs.stable.example.com").get();
      assertThat(established.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Established");
        assertThat(c.getStatus()).isEqualTo("True");
      });

      NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
          cronTabs = client.genericKubernetesResources("stable.example.com/v1", "CronTab").inNamespace("default");
      GenericKubernetesResource ct = new GenericKubernetesResourceBuilder()
          .withApiVersion("stable.example.com/v1").withKind("CronTab")
          .withNewMetadata().withName("nightly").endMetadata()
          .addToAdditionalProperties("spec", Map.of("cronSpec", "0 0 * * *", "replicas", 1))
          .build();
      java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.concurrent.CountDownLatch added = new java.util.concurrent.CountDownLatch(1);
      io.fabric8.kubernetes.client.Watch watch = cronTabs.watch(new io.fabric8.kubernetes.client.Watcher<>() {
        @Override
        public void eventReceived(Action action, GenericKubernetesResource resource) {
          events.add(action + " " + resource.getMetadata().getName());
          added.countDown();
        }

        @Override
        public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {}
      });
      GenericKubernetesResource created = cronTabs.resource(ct).create();
      try {
        assertThat(added.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the watch hears of the new CronTab").isTrue();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
      watch.close();
      assertThat(events).first().isEqualTo("ADDED nightly");
      assertThat(created.getMetadata().getUid()).isNotEmpty();
      assertThat(cronTabs.list().getItems()).extracting(r -> r.getMetadata().getName()).containsExactly("nightly");

      GenericKubernetesResource edited = cronTabs.withName("nightly").edit(r -> {
        r.setAdditionalProperty("spec", Map.of("cronSpec", "0 1 * * *", "replicas", 2));
        return r;
      });
      assertThat(edited.getMetadata().getGeneration()).isEqualTo(2L);
      assertThat(cronTabs.withName("nightly").get().<Object>get("spec", "replicas")).isEqualTo(2);

      GenericKubernetesResource withStatus = cronTabs.withName("nightly").get();
      withStatus.setAdditionalProperty("status", Map.of("ready", true));
      cronTabs.resource(withStatus).updateStatus();
      GenericKubernetesResource now = cronTabs.withName("nightly").get();
      assertThat(now.<Object>get("status", "ready")).isEqualTo(true);
      assertThat(now.getMetadata().getGeneration()).as("a status write keeps the generation").isEqualTo(2L);

      now.setAdditionalProperty("status", Map.of("ready", "yes"));
      KubernetesClientException badStatus = catchThrowableOfType(KubernetesClientException.class,
          () -> cronTabs.resource(now).updateStatus());
      assertThat(badStatus.getStatus().getMessage()).isEqualTo("CronTab.stable.example.com \"nightly\" is invalid: "
          + "status.ready: Invalid value: \"string\": status.ready in body must be of type boolean: \"string\"");

      GenericKubernetesResource tooMany = new GenericKubernetesResourceBuilder()
          .withApiVersion("stable.example.com/v1").withKind("CronTab")
          .withNewMetadata().withName("big").endMetadata()
          .addToAdditionalProperties("spec", Map.of("replicas", 11))
          .build();
      KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
          () -> cronTabs.resource(tooMany).create());
      assertThat(e.getCode()).isEqualTo(422);
      assertThat(e.getStatus().getMessage()).isEqualTo("CronTab.stable.example.com \"big\" is invalid: "
          + "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10");

      client.apiextensions().v1().customResourceDefinitions().withName("crontabs.stable.example.com").delete();
      assertThat(served.cluster().get("CronTab", "default", "nightly")).isEmpty();
    }
  }
}
