package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coalescing steady periodic timers changes what time costs, never what happens: the same calls on
 * a cluster that runs every probe, renewal and report one by one and on one that takes the steady
 * runs at once give byte-identical kubectl output and object YAML at every instant looked at —
 * resourceVersions, lease renew times, heartbeat times, events and their counts, traces included.
 */
class CoalescingEquivalenceTest {
  private static final long SEED = 11;

  private static final String WORKLOADS = """
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: kubia}
      spec:
        replicas: 3
        selector: {app: kubia}
        template:
          metadata: {labels: {app: kubia}}
          spec:
            containers:
            - name: kubia
              image: luksa/kubia
              ports: [{name: http, containerPort: 8080}]
              readinessProbe:
                exec: {command: [ls, /var/ready]}
                periodSeconds: 1
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: kubia}
      spec:
        selector: {app: kubia}
        ports: [{port: 80, targetPort: http}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: checked, labels: {app: checked}}
      spec:
        containers:
        - name: kubia
          image: luksa/kubia
          ports: [{containerPort: 8080}]
          readinessProbe:
            tcpSocket: {port: 8080}
            periodSeconds: 5
          livenessProbe:
            exec: {command: [sh, -c, 'test ! -f /tmp/sick']}
            periodSeconds: 7
            failureThreshold: 2
      """;

  /** nginx logs every request, its probe's too: this probe runs every time, the others are coalesced around it. */
  private static final String WEB = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
        - name: nginx
          image: nginx
          ports: [{containerPort: 80}]
          readinessProbe:
            httpGet: {path: /, port: 80}
            periodSeconds: 10
      """;

  /** Runs the scenario (in the lab's cluster: CoreDNS and ingress-nginx) and returns what kubectl showed at each instant looked at. */
  private static List<String> run(boolean coalescing) {
    ClusterOptions options = KubeSim.cluster().addons(List.of("coredns", "ingress-nginx")).seed(SEED).options();
    List<String> seen = new ArrayList<>();
    try (SimCluster cluster = SimCluster.start(options, coalescing)) {
      cluster.apply(WORKLOADS);
      cluster.apply(WEB);
      List<String> kubia = kubiaPods(cluster);
      cluster.exec(kubia.get(0), "touch", "/var/ready");
      cluster.advance(Duration.ofSeconds(90));
      seen.add(look(cluster, "after 90 s"));

      cluster.advance(Duration.ofMinutes(10));
      seen.add(look(cluster, "after 11.5 min"));

      // The probes' answers change: one pod stops being ready, another starts; a liveness probe fails.
      cluster.exec(kubia.get(0), "rm", "/var/ready");
      cluster.exec(kubia.get(1), "touch", "/var/ready");
      cluster.exec("checked", "touch", "/tmp/sick");
      cluster.advance(Duration.ofMinutes(61));
      seen.add(look(cluster, "after 72.5 min: events of the first hour expired"));

      cluster.node("node-2").stop();
      cluster.advance(Duration.ofMinutes(2));
      seen.add(look(cluster, "node-2 down for 2 min"));

      cluster.node("node-2").start();
      cluster.advance(Duration.ofHours(3).plusSeconds(7));
      seen.add(look(cluster, "3 h after node-2 came back"));

      cluster.kubectl("delete pod " + kubiaPods(cluster).get(2));
      cluster.advance(Duration.ofHours(5).plusMillis(300));
      seen.add(look(cluster, "5 h after a pod was deleted"));
      if (coalescing) {
        assertThat(cluster.loop().coalescedRuns()).as("seed %d: %s", SEED, cluster.loop().stats()).isGreaterThan(50_000);
      }
      if (System.getProperty("kubesim.test.show") != null) {
        System.out.println(cluster.loop().stats());
        seen.forEach(System.out::println);
      }
    }
    return seen;
  }

  private static List<String> kubiaPods(SimCluster cluster) {
    return cluster.list(Pod.class, "default").stream()
        .filter(p -> "kubia".equals(p.metadata().labels().get("app")) && p.metadata().deletionTimestamp().isEmpty())
        .map(p -> p.metadata().nameOrEmpty())
        .toList();
  }

  private static String look(SimCluster cluster, String when) {
    StringBuilder b = new StringBuilder("== " + when + " (" + cluster.now() + ")\n");
    for (String command : List.of(
        "get pods -o wide", "get pods -A -o yaml", "describe pods", "get events -A", "get events -A -o yaml",
        "get leases -n kube-node-lease -o yaml", "get nodes -o yaml", "describe node node-2", "get endpoints kubia -o yaml")) {
      b.append("$ kubectl ").append(command).append('\n').append(cluster.kubectl(command).stdout());
    }
    List<String> ready = kubiaPods(cluster);
    b.append("$ curl http://kubia\n");
    try {
      var curl = cluster.exec(ready.get(ready.size() - 1), "curl", "-s", "-m", "3", "http://kubia");
      b.append(curl.stdout()).append(curl.stderr());
      curl.trace().ifPresent(t -> b.append(t.render()));
    } catch (dev.kubesim.api.KubeSimException e) {
      b.append(e.getMessage()).append('\n'); // the pod's node is down
    }
    b.append(cluster.kubectl("exec web -- ls -l /").stdout());
    return b.toString();
  }

  @Test
  void coalescedTimersShowExactlyWhatRunningEveryTickShows() {
    List<String> everyTick = run(false);
    List<String> coalesced = run(true);
    assertThat(coalesced).as("seed %d", SEED).hasSameSizeAs(everyTick);
    for (int i = 0; i < everyTick.size(); i++) {
      if (!coalesced.get(i).equals(everyTick.get(i))) {
        dump(i, everyTick.get(i), coalesced.get(i));
      }
      assertThat(coalesced.get(i)).as("seed %d, look %d", SEED, i).isEqualTo(everyTick.get(i));
    }
  }

  /** Leaves both versions beside the test's output, for a diff. */
  private static void dump(int look, String everyTick, String coalesced) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "coalescing");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.writeString(dir.resolve("look-" + look + "-every-tick.txt"), everyTick);
      java.nio.file.Files.writeString(dir.resolve("look-" + look + "-coalesced.txt"), coalesced);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aCoalescedClusterTakesMostRunsAtOnce() {
    ClusterOptions options = KubeSim.cluster().seed(SEED).options();
    try (SimCluster cluster = SimCluster.start(options, true)) {
      cluster.apply(WORKLOADS);
      cluster.exec(kubiaPods(cluster).get(0), "touch", "/var/ready");
      cluster.advance(Duration.ofDays(30));
      assertThat(cluster.loop().coalescedRuns()).as("seed %d: %s", SEED, cluster.loop().stats()).isGreaterThan(1_000_000);
    }
  }

  @Test
  void aWatcherOfLeasesHearsEveryRenewal() {
    ClusterOptions options = KubeSim.cluster().nodes(1).seed(SEED).options();
    try (SimCluster cluster = SimCluster.start(options, true)) {
      List<String> renewals = new ArrayList<>();
      cluster.watch("Lease", change -> renewals.add(change.object().metadata().resourceVersion().orElse("")));
      cluster.advance(Duration.ofMinutes(10));
      assertThat(renewals).as("seed %d", SEED).hasSize(60).doesNotHaveDuplicates();
    }
  }

  /** A seeded sequence of operations: the answers of probes change, pods and nodes come and go, time passes. */
  private static List<String> randomRun(long seed, boolean coalescing) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    ClusterOptions options = KubeSim.cluster().seed(seed).options();
    List<String> seen = new ArrayList<>();
    List<Duration> steps = List.of(Duration.ofSeconds(1), Duration.ofSeconds(7), Duration.ofSeconds(10),
        Duration.ofSeconds(59), Duration.ofMinutes(5), Duration.ofMinutes(17), Duration.ofMinutes(61));
    try (SimCluster cluster = SimCluster.start(options, coalescing)) {
      cluster.apply(WORKLOADS);
      for (int i = 0; i < 24; i++) {
        List<String> kubia = kubiaPods(cluster);
        String pod = kubia.isEmpty() ? "checked" : kubia.get(random.nextInt(kubia.size()));
        String node = "node-" + (1 + random.nextInt(3));
        String op = switch (random.nextInt(8)) {
          case 0 -> "exec " + pod + " -- touch /var/ready";
          case 1 -> "exec " + pod + " -- rm -f /var/ready";
          case 2 -> "exec checked -- touch /tmp/sick";
          case 3 -> "scale rc kubia --replicas=" + (1 + random.nextInt(4));
          case 4 -> "delete pod " + pod + " --wait=false";
          case 5 -> "stop " + node;
          case 6 -> "start " + node;
          default -> "get pods";
        };
        if (op.startsWith("stop ")) {
          cluster.node(node).stop();
        } else if (op.startsWith("start ")) {
          cluster.node(node).start();
        } else {
          cluster.kubectl(op);
        }
        cluster.advance(steps.get(random.nextInt(steps.size())).plusMillis(random.nextInt(3) * 500L));
        StringBuilder b = new StringBuilder("== " + op + " (" + cluster.now() + ")\n");
        for (String command : List.of("get pods -A -o yaml", "get events -A -o yaml", "get leases -A -o yaml",
            "get nodes -o yaml", "describe pods")) {
          b.append(cluster.kubectl(command).stdout());
        }
        seen.add(b.toString());
      }
    }
    return seen;
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
  void randomOperationsShowTheSameWithAndWithoutCoalescing(long seed) {
    List<String> everyTick = randomRun(seed, false);
    List<String> coalesced = randomRun(seed, true);
    for (int i = 0; i < everyTick.size(); i++) {
      if (!coalesced.get(i).equals(everyTick.get(i))) {
        dump((int) (100 * seed + i), everyTick.get(i), coalesced.get(i));
      }
      assertThat(coalesced.get(i)).as("seed %d, step %d", seed, i).isEqualTo(everyTick.get(i));
    }
  }
}
