package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kubernetes.io "Kubernetes Basics" tutorial's app, module by module. */
class BootcampImageTest {
  private final Cluster cluster = KubeSim.cluster().seed(21).nodes(2).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private String kubectl(String line) {
    return cluster.kubectl(line).output();
  }

  private String curlNodePort() {
    String port = kubectl("get svc kubernetes-bootcamp -o jsonpath={.spec.ports[0].nodePort}");
    return cluster.external().exec("curl", "-s", "http://192.168.49.2:" + port).stdout();
  }

  @Test
  void theAppAnswersWithItsPodAndVersionAndRollsToV2ButNotToV10() {
    kubectl("create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1");
    kubectl("wait --for=condition=Available deployment/kubernetes-bootcamp --timeout=120s");
    kubectl("expose deployment/kubernetes-bootcamp --type=NodePort --port 8080");
    String pod = kubectl("get pods -o jsonpath={.items[0].metadata.name}");

    assertThat(curlNodePort()).isEqualTo("Hello Kubernetes bootcamp! | Running on: " + pod + " | v=1\n");
    assertThat(kubectl("logs " + pod)).startsWith("Kubernetes Bootcamp App Started At: ")
        .contains("| Running On:  " + pod + " \n", "Running On: " + pod + " | Total Requests: 1 | App Uptime: ");

    kubectl("set image deployments/kubernetes-bootcamp kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2");
    kubectl("rollout status deployments/kubernetes-bootcamp --timeout=120s");
    assertThat(curlNodePort()).endsWith(" | v=2\n");

    kubectl("set image deployments/kubernetes-bootcamp kubernetes-bootcamp=gcr.io/google-samples/kubernetes-bootcamp:v10");
    cluster.advance(Duration.ofSeconds(30));
    assertThat(kubectl("get pods")).containsPattern("ImagePullBackOff|ErrImagePull");
    assertThat(curlNodePort()).endsWith(" | v=2\n");

    kubectl("rollout undo deployments/kubernetes-bootcamp");
    kubectl("rollout status deployments/kubernetes-bootcamp --timeout=120s");
    assertThat(kubectl("get pods")).doesNotContainPattern("ImagePullBackOff|ErrImagePull");
  }
}
