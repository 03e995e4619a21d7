package dev.kubesim.samples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.junit.KubeSimTest;
import dev.kubesim.junit.PodSelector;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The README's example of a test with {@link KubeSimTest}: the kubia lab's Service, from a pod. */
@KubeSimTest(seed = 42, manifests = {
    "classpath:dev/kubesim/samples/labs/kubia/kubia-rc.yaml",
    "classpath:dev/kubesim/samples/labs/kubia/kubia-svc.yaml"})
class KubiaServiceTest {
  Cluster cluster;

  @Test
  void theServiceSpreadsRequestsOverItsThreePods(@PodSelector("app=kubia") String pod) {
    Set<String> answers = new TreeSet<>();
    for (int i = 0; i < 30; i++) {
      ExecResult curl = cluster.exec(pod, "curl", "-s", "http://kubia");
      assertThat(curl.exitCode()).isZero();
      answers.add(curl.stdout());
    }
    assertThat(answers).hasSize(3).allMatch(answer -> answer.startsWith("You've hit kubia-"));
  }
}
