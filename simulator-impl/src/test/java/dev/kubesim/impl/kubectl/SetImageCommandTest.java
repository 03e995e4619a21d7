package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl set image}: a Deployment rolled out to a new image, as the Deployments chapter does it. */
class SetImageCommandTest {
  private static final long SEED = 21;
  private final Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void kubia() {
    cluster.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: kubia}
        spec:
          replicas: 2
          selector: {matchLabels: {app: kubia}}
          template:
            metadata: {labels: {app: kubia}}
            spec:
              containers: [{name: nodejs, image: 'luksa/kubia:v1'}]
        """);
  }

  @Test
  void theDeploymentsTemplateGetsTheImageAndItsPodsAreReplaced() {
    kubia();
    KubectlResult r = cluster.kubectl("set image deployment/kubia nodejs=luksa/kubia:v2");
    assertThat(r.stdout()).as("seed %d", SEED).isEqualTo("deployment.apps/kubia image updated\n");
    assertThat(cluster.kubectl("rollout status deployment kubia").exitCode()).isZero();
    cluster.advance(java.time.Duration.ofMinutes(1)); // the old pods' termination grace period
    assertThat(cluster.pods("default", "app=kubia")).hasSize(2)
        .allSatisfy(p -> assertThat(p.specOrEmpty().containers().get(0).image()).hasValue("luksa/kubia:v2"));
    assertThat(cluster.kubectl("rollout history deployment kubia").stdout()).contains("2 ");
  }

  @Test
  void anUnchangedImagePrintsNothingAndAnUnknownContainerIsAnError() {
    kubia();
    assertThat(cluster.kubectl("set image deployment kubia nodejs=luksa/kubia:v1").stdout()).as("seed %d", SEED).isEmpty();
    KubectlResult unknown = cluster.kubectl("set image deployment/kubia web=nginx");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).isEqualTo("error: unable to find container named \"web\"\n");
    assertThat(cluster.kubectl("set env deployment/kubia A=b").stderr())
        .isEqualTo("error: kubectl set env is not supported by this simulator yet\n");
  }

  @Test
  void aStarSetsEveryContainerOfAPod() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: two}
        spec:
          containers: [{name: a, image: busybox, command: [sleep, '3600']}, {name: b, image: busybox, command: [sleep, '3600']}]
        """);
    assertThat(cluster.kubectl("set image pod/two *=busybox:1.36").stdout()).as("seed %d", SEED)
        .isEqualTo("pod/two image updated\n");
    Pod pod = cluster.get(Pod.class, "default", "two").orElseThrow();
    assertThat(pod.specOrEmpty().containers()).allSatisfy(c -> assertThat(c.image()).hasValue("busybox:1.36"));
  }
}
