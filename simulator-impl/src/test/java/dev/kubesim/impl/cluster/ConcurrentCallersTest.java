package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.program.Program;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Several threads calling one cluster at once: every public call takes the cluster's lock, so
 * nothing is lost and the state stays consistent. The work is bounded by counts; the threads are
 * joined, not waited for.
 */
class ConcurrentCallersTest {
  private static final long SEED = 29;
  private static final int THREADS = 4;
  private static final int ROUNDS = 25;

  @Test
  void fourThreadsApplyRegisterExecAndAdvanceWithoutLosingAnything() throws Exception {
    try (Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: shell}
          spec: {containers: [{name: c, image: busybox, command: [sleep, "100000000"]}]}
          """);
      cluster.advance(Duration.ofSeconds(10));
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            for (int i = 0; i < ROUNDS; i++) {
              cluster.programs().register("example/t" + thread + "-" + i, Program.builder().build());
              cluster.apply("apiVersion: v1\nkind: Service\nmetadata: {name: s" + thread + "-" + i + "}\n"
                  + "spec: {type: NodePort, selector: {app: x}, ports: [{port: 80}]}\n");
              ExecResult r = cluster.exec("shell", "sh", "-c", "echo " + thread + "-" + i);
              assertThat(r.stdout()).isEqualTo(thread + "-" + i + "\n");
              assertThat(cluster.kubectl("get service s" + thread + "-" + i).exitCode()).isZero();
              cluster.advance(Duration.ofMillis(100));
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }

      for (int t = 0; t < THREADS; t++) {
        for (int i = 0; i < ROUNDS; i++) {
          assertThat(cluster.programs().lookup("example/t" + t + "-" + i)).as("seed %d: program t%d-%d", SEED, t, i).isPresent();
        }
      }
      List<Service> services = cluster.list(Service.class, "default");
      assertThat(services).hasSize(THREADS * ROUNDS + 1);
      Set<String> ips = new HashSet<>();
      Set<Integer> nodePorts = new HashSet<>();
      for (Service s : services) {
        assertThat(ips.add(s.specOrEmpty().clusterIP().orElseThrow())).as("seed %d: ClusterIP of %s", SEED, s).isTrue();
        s.specOrEmpty().ports().forEach(p -> p.nodePort().ifPresent(n -> assertThat(nodePorts.add(n)).isTrue()));
      }
    }
  }
}
