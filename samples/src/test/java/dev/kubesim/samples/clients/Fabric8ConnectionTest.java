package dev.kubesim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** fabric8's client reaches a served cluster through its kubeconfig or its bare URL. */
@Timeout(120) // a hung client fails the test instead of the build
class Fabric8ConnectionTest {

  @Test
  void theKubeconfigOfAServedClusterConnectsTheClientToTheDefaultNamespace() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      assertThat(client.getMasterUrl().toString()).startsWith(served.api().url().toString());
      assertThat(client.getNamespace()).isEqualTo("default");
      assertThat(client.nodes().list().getItems()).extracting(n -> n.getMetadata().getName())
          .containsExactly("node-1", "node-2", "node-3");
    }
  }

  @Test
  void aBareUrlIsEnoughToConnect() {
    try (ServedCluster served = ServedCluster.start()) {
      Config config = new ConfigBuilder(Config.empty()).withMasterUrl(served.api().url().toString()).build();
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        VersionInfo version = client.getKubernetesVersion();
        assertThat(version.getMajor()).isEqualTo("1");
        assertThat(client.namespaces().list().getItems()).extracting(ns -> ns.getMetadata().getName())
            .contains("default", "kube-system");
      }
    }
  }

  @Test
  void theClientDiscoversTheServedGroupsAndResources() {
    try (ServedCluster served = ServedCluster.start()) {
      KubernetesClient client = served.client();
      assertThat(client.supports(io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class)).isTrue();
      assertThat(client.supports(io.fabric8.kubernetes.api.model.apps.Deployment.class)).isTrue();
      assertThat(client.hasApiGroup("apps", false)).isTrue();
      assertThat(client.getApiGroups().getGroups()).extracting(g -> g.getName()).contains("apps", "discovery.k8s.io");
      Node node = client.nodes().withName("node-1").get();
      assertThat(node.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Ready");
        assertThat(c.getStatus()).isEqualTo("True");
      });
    }
  }
}
