package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetWatchTest {
  private static final long SEED = 3;
  private final Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build();

  @BeforeEach
  void kubia() {
    cluster.apply("""
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: kubia}
        spec:
          replicas: 2
          selector: {app: kubia}
          template:
            metadata: {labels: {app: kubia}}
            spec:
              containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
        """);
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aWatchShowsADeletedPodTerminatingAndGoneAsTimePasses() {
    String victim = cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty();
    cluster.kubectl("delete pod " + victim + " --wait=false");
    KubectlResult watched = cluster.kubectl("get pods -w");
    List<String> lines = watched.stdout().lines().toList();
    assertThat(lines.get(0)).as("seed %d", SEED).startsWith("NAME").contains("STATUS").endsWith("AGE");
    assertThat(lines).as("the listing, then the pod's end").hasSize(1 + 3 + 1);
    assertThat(lines.get(1)).startsWith(victim).contains("Terminating");
    assertThat(lines.get(lines.size() - 1)).as("the deletion, 30 s of grace later").startsWith(victim).contains("Terminating")
        .endsWith("   31s");
    assertThat(watched.exitCode()).isZero();
    assertThat(cluster.kubectl("get pods").stdout()).doesNotContain(victim);
  }

  @Test
  void aWatchOfNothingYetWaitsForTheFirstObjectToAppear() {
    cluster.kubectl("create cronjob hello --image=busybox:1.28 --schedule='*/1 * * * *' -- echo hi");
    String out = cluster.kubectl("get jobs --watch").stdout();
    assertThat(out).as("seed %d", SEED).startsWith("NAME ").containsPattern("\nhello-\\d+ +Running +0/1 ")
        .containsPattern("\nhello-\\d+ +Complete +1/1 ");
  }

  @Test
  void laterRowsKeepTheColumnsOfTheFirstOnes() {
    String victim = cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty();
    cluster.kubectl("scale rc kubia --replicas=1");
    List<String> lines = cluster.kubectl("get pods --watch").stdout().lines().toList();
    int statusColumn = lines.get(0).indexOf("STATUS");
    assertThat(lines).allSatisfy(l -> assertThat(l.substring(statusColumn)).doesNotStartWith(" "));
    assertThat(lines).anyMatch(l -> l.startsWith(victim) || l.contains("Terminating"));
  }

  @Test
  void watchOnlyPrintsChangesAndNamesCanBeWatched() {
    String pod = cluster.list(Pod.class, "default").get(0).metadata().nameOrEmpty();
    assertThat(cluster.kubectl("get pods --watch-only").stdout()).as("nothing changes").isEmpty();
    cluster.kubectl("label pod " + pod + " tier=web");
    assertThat(cluster.kubectl("get pod " + pod + " -w -o name").stdout()).isEqualTo("pod/" + pod + "\n");
  }

  @Test
  void severalKindsOrAnotherFormatAreRefusedAsKubectlRefusesThem() {
    KubectlResult kinds = cluster.kubectl("get rc,pods -w");
    assertThat(kinds.stderr()).isEqualTo(
        "error: watch is only supported on individual resources and resource collections, but 2 resources were found\n");
    assertThat(kinds.exitCode()).isEqualTo(1);
    assertThat(cluster.kubectl("get pods -w -o yaml").exitCode()).isEqualTo(1);
  }
}
