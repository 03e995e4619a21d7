package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code bash} image: its entrypoint runs bash for options, else the command the arguments name. */
class BashImageTest {
  private static final long SEED = 9;

  @Test
  void theEnvironmentVariablesExamplePrintsItsGreetingAndArgumentsRunAsTheEntrypointSays() {
    try (Cluster cluster = KubeSim.cluster().seed(SEED).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: print-greeting}
          spec:
            restartPolicy: Never
            containers:
            - name: env-print-demo
              image: bash
              env:
              - {name: GREETING, value: "Warm greetings to"}
              - {name: HONORIFIC, value: "The Most Honorable"}
              - {name: NAME, value: "Kubernetes"}
              command: ["echo"]
              args: ["$(GREETING) $(HONORIFIC) $(NAME)"]
          """);
      cluster.kubectl("run args --image=bash --restart=Never -- echo hi");
      cluster.kubectl("run option --image=bash:5.2 --restart=Never -- -c '[[ $0 == bash ]] && echo bash'");
      cluster.advance(Duration.ofSeconds(20));

      assertThat(cluster.kubectl("logs print-greeting").stdout()).as("seed %d", SEED)
          .isEqualTo("Warm greetings to The Most Honorable Kubernetes\n");
      assertThat(cluster.kubectl("logs args").stdout()).isEqualTo("hi\n");
      assertThat(cluster.kubectl("logs option").stdout()).isEqualTo("bash\n");
      assertThat(cluster.kubectl("get pod args -o jsonpath={.status.phase}").stdout()).isEqualTo("Succeeded");
    }
  }
}
