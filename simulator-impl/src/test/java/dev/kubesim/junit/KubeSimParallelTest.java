package dev.kubesim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@link KubeSimTest} classes run with JUnit's parallel execution: each test has its own cluster. */
class KubeSimParallelTest {
  private static final int TESTS = 4;

  @Test
  void testsRunConcurrentlyEachWithAClusterOfItsOwn() {
    Concurrent.together.reset();
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(TESTS))
        .selectors(selectClass(Concurrent.class))
        .execute();

    results.testEvents().assertStatistics(stats -> stats.started(TESTS).succeeded(TESTS).failed(0));
  }

  /**
   * Every test builds its cluster and applies the kubia manifests, then waits at a barrier
   * until all four hold a cluster at once (so they did run concurrently), then writes a Service
   * of its own and checks that no other test's Service is in its cluster.
   */
  @KubeSimTest(seed = 3, manifests = "classpath:junit/kubia.yaml")
  @Execution(ExecutionMode.CONCURRENT)
  static class Concurrent {
    static final CyclicBarrier together = new CyclicBarrier(TESTS);
    Cluster cluster;

    @Test
    void first() throws Exception {
      ownService(1);
    }

    @Test
    void second() throws Exception {
      ownService(2);
    }

    @Test
    void third() throws Exception {
      ownService(3);
    }

    @Test
    void fourth() throws Exception {
      ownService(4);
    }

    private void ownService(int n) throws Exception {
      // A guard against a hang if the engine ran the tests one by one; not a timing assertion.
      together.await(5, TimeUnit.MINUTES);
      cluster.apply("""
          apiVersion: v1
          kind: Service
          metadata:
            name: own-%d
          spec:
            selector:
              app: kubia
            ports:
            - port: 80
              targetPort: 8080
          """.formatted(n));

      assertThat(cluster.list(Service.class, "default")).extracting(s -> s.metadata().nameOrEmpty())
          .containsExactly("kubernetes", "kubia", "own-" + n);
      String pod = cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty();
      assertThat(cluster.exec(pod, "curl", "-s", "http://own-" + n).stdout()).startsWith("You've hit kubia-");
    }
  }
}
