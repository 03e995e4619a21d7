package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.program.Launch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official images' docker-entrypoint.sh: options run the daemon, a command replaces it. */
class DaemonCommandTest {
  private static DaemonCommand of(String... argv) {
    return DaemonCommand.of(new Launch(Container.builder().name("c").image("redis").build(), List.of(argv)), "redis-server");
  }

  @Test
  void theImagesDefaultCommandRunsTheDaemon() {
    assertThat(of("docker-entrypoint.sh", "redis-server").arguments()).contains(List.of());
  }

  @Test
  void optionsAloneGoToTheDaemon() {
    DaemonCommand d = of("docker-entrypoint.sh", "--port", "7000");
    assertThat(d.runs()).isTrue();
    assertThat(d.intOption("--port", 6379)).isEqualTo(7000);
    assertThat(of("/usr/local/bin/redis-server", "--port=7001").intOption("--port", 6379)).isEqualTo(7001);
  }

  @Test
  void anotherCommandRunsInsteadOfTheDaemon() {
    assertThat(of("sleep", "infinity").runs()).isFalse();
    assertThat(of("docker-entrypoint.sh", "redis-cli", "ping").runs()).isFalse();
    assertThat(of("docker-entrypoint.sh", "redis-server", "--port", "x").intOption("--port", 6379)).isEqualTo(6379);
  }

  @Test
  void argumentsThatAreACommandAreWhatTheEntrypointExecs() {
    Launch viaArgs = new Launch(Container.builder().name("c").image("redis").build(),
        List.of("docker-entrypoint.sh", "sleep", "infinity"));
    assertThat(DaemonCommand.execArgv(viaArgs)).containsExactly("sleep", "infinity");
  }

  @Test
  void aRedisClientPodStartedWithArgsRunsItsCommandAndReachesTheServer() {
    try (dev.kubesim.api.Cluster cluster = dev.kubesim.api.KubeSim.cluster().nodes(1).seed(4).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: redis, labels: {app: redis}}
          spec:
            containers: [{name: redis, image: redis:7, ports: [{containerPort: 6379}]}]
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: redis}
          spec: {selector: {app: redis}, ports: [{port: 6379}]}
          """);
      // as kubectl run client --image=redis:7 --restart=Never -- sleep infinity writes it: args, not command
      assertThat(cluster.kubectl("run client --image=redis:7 --restart=Never -- sleep infinity").exitCode()).isZero();
      cluster.advance(java.time.Duration.ofSeconds(5));
      assertThat(cluster.kubectl("get pod client").stdout()).as("seed 4").contains("1/1     Running");
      assertThat(cluster.exec("default/client", "redis-cli", "-h", "redis", "ping").stdout()).isEqualTo("PONG\n");
    }
  }
}
