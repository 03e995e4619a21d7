package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.reflect.TypeToken;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Kubernetes Java client ({@code io.kubernetes:client-java}) against a served cluster:
 * the core flow of create, list, watch and delete, through the kubeconfig the server hands out. Its
 * generated models refuse a response with a field they do not know, so each answer is checked
 * field by field as it is read.
 */
@Timeout(120) // a hung client fails the test instead of the build
class OfficialClientTest {

  private static ApiClient connect(Cluster cluster) throws IOException {
    return Config.fromConfig(new StringReader(cluster.serve().kubeconfig()));
  }

  private static V1Deployment kubia(int replicas) {
    Map<String, String> labels = Map.of("app", "kubia");
    return new V1Deployment()
        .metadata(new V1ObjectMeta().name("kubia").labels(labels))
        .spec(new V1DeploymentSpec().replicas(replicas).selector(new V1LabelSelector().matchLabels(labels))
            .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(labels))
                .spec(new V1PodSpec().addContainersItem(new V1Container().name("kubia").image("luksa/kubia")
                    .addPortsItem(new V1ContainerPort().containerPort(8080))))));
  }

  @Test
  void createsListsAndDeletesADeploymentAndAService() throws Exception {
    try (Cluster cluster = KubeSim.cluster().seed(ServedCluster.SEED).build()) {
      ApiClient client = connect(cluster);
      CoreV1Api core = new CoreV1Api(client);
      AppsV1Api apps = new AppsV1Api(client);

      V1Deployment created = apps.createNamespacedDeployment("default", kubia(3)).execute();
      assertThat(created.getMetadata().getUid()).isNotEmpty();
      V1Service service = core.createNamespacedService("default", new V1Service()
          .metadata(new V1ObjectMeta().name("kubia"))
          .spec(new V1ServiceSpec().selector(Map.of("app", "kubia")).addPortsItem(new V1ServicePort().port(80)))).execute();
      assertThat(service.getSpec().getClusterIP()).isNotEmpty();

      V1PodList pods = core.listNamespacedPod("default").labelSelector("app=kubia").execute();
      assertThat(pods.getItems()).hasSize(3).allSatisfy(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));
      V1PodList page = core.listNamespacedPod("default").limit(2).execute();
      assertThat(page.getItems()).hasSize(2);
      assertThat(page.getMetadata().getContinue()).isNotEmpty();

      V1Service deleted = core.deleteNamespacedService("kubia", "default").execute();
      assertThat(deleted.getMetadata().getName()).isEqualTo("kubia");
      apps.deleteNamespacedDeployment("kubia", "default").propagationPolicy("Foreground").execute();
      cluster.advance(java.time.Duration.ofSeconds(31));
      assertThat(core.listNamespacedPod("default").labelSelector("app=kubia").execute().getItems()).isEmpty();
      assertThat(apps.listNamespacedDeployment("default").execute().getItems()).isEmpty();
    }
  }

  @Test
  void aWatchFromAListsVersionSeesTheNextChanges() throws Exception {
    try (Cluster cluster = KubeSim.cluster().seed(ServedCluster.SEED).build()) {
      ApiClient client = connect(cluster);
      client.setReadTimeout(0); // a watch waits for events
      CoreV1Api core = new CoreV1Api(client);
      AppsV1Api apps = new AppsV1Api(client);
      String version = core.listNamespacedPod("default").execute().getMetadata().getResourceVersion();
      apps.createNamespacedDeployment("default", kubia(2)).execute();

      List<String> seen = new ArrayList<>();
      try (Watch<V1Pod> watch = Watch.createWatch(client,
          core.listNamespacedPod("default").resourceVersion(version).watch(true).timeoutSeconds(60).buildCall(null),
          new TypeToken<Watch.Response<V1Pod>>() {}.getType())) {
        for (Watch.Response<V1Pod> event : watch) {
          seen.add(event.type + " " + event.object.getMetadata().getName());
          if (seen.size() == 2) {
            break;
          }
        }
      }
      assertThat(seen).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("ADDED kubia-"));
    }
  }

  @Test
  void refusalsAreApiExceptionsWithTheServersCodeAndStatus() throws Exception {
    try (Cluster cluster = KubeSim.cluster().seed(ServedCluster.SEED).build()) {
      CoreV1Api core = new CoreV1Api(connect(cluster));
      ApiException missing = catchThrowableOfType(ApiException.class,
          () -> core.readNamespacedService("missing", "default").execute());
      assertThat(missing.getCode()).isEqualTo(404);
      assertThat(missing.getResponseBody()).contains("\"reason\":\"NotFound\"", "services \\\"missing\\\" not found");

      V1Service bad = new V1Service().metadata(new V1ObjectMeta().name("bad"))
          .spec(new V1ServiceSpec().addPortsItem(new V1ServicePort().port(70000)));
      ApiException invalid = catchThrowableOfType(ApiException.class,
          () -> core.createNamespacedService("default", bad).execute());
      assertThat(invalid.getCode()).isEqualTo(422);
      assertThat(invalid.getResponseBody()).contains("\"reason\":\"Invalid\"", "\"field\":\"spec.ports[0].port\"");
    }
  }
}
