package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** agnhost netexec's {@code /dial}, as the e2e networking tests ask one pod to reach another. */
class NetexecDialTest {
  private static final long SEED = 3;

  @Test
  void dialAsksAnotherPodOverHttpAndUdpFromThePodItRunsIn() {
    try (Cluster cluster = KubeSim.cluster().seed(SEED).build()) {
      for (String name : new String[] {"client", "server"}) {
        cluster.apply("""
            apiVersion: v1
            kind: Pod
            metadata: {name: %s, labels: {app: %s}}
            spec:
              containers:
              - name: agnhost
                image: registry.k8s.io/e2e-test-images/agnhost:2.53
                args: [netexec, --http-port=8080, --udp-port=8081]
            """.formatted(name, name));
      }
      cluster.awaitReady(Duration.ofMinutes(2));
      String server = cluster.get(Pod.class, "default", "server").orElseThrow().status().orElseThrow().podIP().orElseThrow();

      String http = cluster.http("client", "http://localhost:8080/dial?request=hostname&protocol=http&host=" + server
          + "&port=8080&tries=2").body();
      assertThat(http).as("seed %d", SEED).isEqualTo("{\"responses\":[\"server\",\"server\"]}");
      String udp = cluster.http("client", "http://localhost:8080/dial?request=hostname&protocol=udp&host=" + server
          + "&port=8081&tries=1").body();
      assertThat(udp).isEqualTo("{\"responses\":[\"server\"]}");
      String refused = cluster.http("client", "http://localhost:8080/dial?request=hostname&protocol=http&host=" + server
          + "&port=9999&tries=1").body();
      assertThat(refused).isEqualTo("{\"errors\":[\"Get \\\"http://" + server + ":9999/hostname\\\": dial tcp " + server
          + ":9999: connect: connection refused\"]}");
      assertThat(cluster.http("client", "http://localhost:8080/dial?protocol=http&host=" + server + "&port=8080").status())
          .isEqualTo(400);
      // the server saw the client pod, not the dialing client's own caller
      String clientIp = cluster.get(Pod.class, "default", "client").orElseThrow().status().orElseThrow().podIP().orElseThrow();
      assertThat(cluster.http("client", "http://localhost:8080/dial?request=clientip&host=" + server + "&port=8080").body())
          .startsWith("{\"responses\":[\"" + clientIp + ":");
    }
  }
}
