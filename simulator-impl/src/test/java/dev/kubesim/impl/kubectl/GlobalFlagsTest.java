package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** kubectl's global flags before or after the command: {@code --context}, and the ones that change nothing here. */
class GlobalFlagsTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(7).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void contextPicksAContextOfTheKubeconfigAndItsNamespace() {
    cluster.kubectl("config set-context sys --cluster=kubesim --user=kubesim --namespace=kube-system");
    assertThat(cluster.kubectl("--context sys get deploy -o name").stdout()).isEqualTo("deployment.apps/coredns\n");
    assertThat(cluster.kubectl("get deploy -o name").stdout()).isEmpty();
    assertThat(cluster.kubectl("--context nope get pods").stderr())
        .isEqualTo("Error in configuration: context was not found for specified context: nope\n");
  }

  @Test
  void connectionAndLoggingFlagsAreTaken() {
    assertThat(cluster.kubectl("get ns default -o name --request-timeout=5s -v=6").stdout()).isEqualTo("namespace/default\n");
    assertThat(cluster.kubectl("--v 6 get ns default -o name").stdout()).isEqualTo("namespace/default\n");
  }
}
