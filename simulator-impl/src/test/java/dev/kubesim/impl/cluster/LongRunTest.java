package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ClusterOptions;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A cluster left alone for years: ages in years, heartbeats and counts as of now, only the last hour's Events kept. */
class LongRunTest {
  private static final long SEED = 5;

  @Test
  void twoYearsAndThreeDaysLaterEverythingReadsAsOfNow() {
    try (Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: waiting}
          spec:
            containers:
            - name: kubia
              image: luksa/kubia
              readinessProbe:
                exec: {command: [ls, /var/ready]}
                periodSeconds: 1
          """);
      cluster.advance(Duration.ofDays(733));

      assertThat(cluster.kubectl("get pod waiting").stdout()).as("seed %d", SEED)
          .contains("waiting   0/1     Running   0          2y3d");
      // One Event counts every failed run; it was written within the last five minutes (the spam filter's pace).
      String events = cluster.kubectl("describe pod waiting").stdout();
      assertThat(events).containsPattern("Warning  Unhealthy  [0-9]+[sm][0-9s]* \\(x[0-9]{8} over 2y3d\\)  kubelet");
      // The Events of the pod's start expired an hour after they were written.
      assertThat(cluster.kubectl("get events").stdout()).doesNotContain("Scheduled").doesNotContain("Started");
      assertThat(cluster.kubectl("get lease -n kube-node-lease node-1 -o yaml").stdout())
          .contains("renewTime: \"2027-01-04T00:00:0");
      // The Lease renewed at the last 10 s boundary, the status posted within the last 5 min.
      assertThat(cluster.kubectl("describe node node-1").stdout())
          .containsPattern("RenewTime: +Mon, 04 Jan 2027 00:00:00 \\+0000")
          .containsPattern("Ready +True +Mon, 04 Jan 2027 00:0[0-4]:[0-9]{2} \\+0000");
    }
  }

  @Test
  void aStoppedNodesLeaseKeepsItsLastRenewal() {
    try (Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build()) {
      cluster.advance(Duration.ofSeconds(35));
      cluster.node("node-2").stop();
      cluster.advance(Duration.ofDays(3));
      String described = cluster.kubectl("describe node node-2").stdout();
      assertThat(described).as("seed %d", SEED)
          .containsPattern("RenewTime: +Wed, 01 Jan 2025 00:00:30 \\+0000")
          .containsPattern("Ready +Unknown +Wed, 01 Jan 2025 00:00:00 \\+0000 +Wed, 01 Jan 2025 00:01:15 \\+0000 +NodeStatusUnknown");
    }
  }

  @Test
  void whatTheClusterHoldsStaysFlatAsTimePassesTickByTick() {
    ClusterOptions options = KubeSim.cluster().nodes(2).seed(SEED).options();
    try (SimCluster cluster = SimCluster.start(options, false)) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: waiting}
          spec:
            containers:
            - name: kubia
              image: luksa/kubia
              readinessProbe:
                exec: {command: [ls, /var/ready]}
                periodSeconds: 1
          """);
      cluster.advance(Duration.ofHours(2));
      int queued = cluster.loop().queued();
      int events = cluster.api().list("Event", java.util.Optional.empty()).size();
      cluster.advance(Duration.ofHours(3));
      assertThat(cluster.loop().queued()).as("seed %d: %s", SEED, cluster.loop().stats()).isEqualTo(queued);
      assertThat(cluster.api().list("Event", java.util.Optional.empty())).hasSize(events);
    }
  }
}
