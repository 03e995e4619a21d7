package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kubelet's image manager and container creation, as the events of a pod tell them. */
class ImagePullEventsTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(4).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private String events(String pod) {
    return cluster.kubectl("get events --field-selector involvedObject.name=" + pod
        + " -o custom-columns=REASON:.reason,MESSAGE:.message --no-headers").stdout();
  }

  @Test
  void anImageWithoutATagIsPulledForEveryContainerBeforeItIsCreatedAndStarted() {
    cluster.kubectl("run web --image=nginx");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(events("web")).matches("""
        Scheduled +Successfully assigned default/web to node-1
        Pulling +Pulling image "nginx"
        Pulled +Successfully pulled image "nginx" in 1s \\(1s including waiting\\)\\. Image size: \\d+ bytes\\.
        Created +Created container: web
        Started +Started container web
        """);
  }

  @Test
  void anIfNotPresentImageIsPulledOncePerNode() {
    cluster.kubectl("run a --image=nginx:1.27");
    cluster.advance(Duration.ofSeconds(5));
    cluster.kubectl("run b --image=nginx:1.27");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(events("a")).contains("Pulling image \"nginx:1.27\"");
    assertThat(events("b")).doesNotContain("Pulling")
        .contains("Container image \"nginx:1.27\" already present on machine");
  }

  @Test
  void aContainerInCrashLoopBackOffRecordsTheKubeletsBackOffWarning() {
    cluster.kubectl("run crash --image=busybox:1.36 -- sh -c 'exit 1'");
    cluster.advance(Duration.ofSeconds(30));
    String uid = cluster.kubectl("get pod crash -o jsonpath={.metadata.uid}").stdout();
    assertThat(events("crash")).contains("BackOff", "Back-off restarting failed container crash in pod crash_default(" + uid + ")");
  }

  @Test
  void durationsPrintAsGoPrintsThem() {
    assertThat(ImagePulls.goDuration(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(ImagePulls.goDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(ImagePulls.goDuration(Duration.ofSeconds(62))).isEqualTo("1m2s");
    assertThat(ImagePulls.goDuration(Duration.ZERO)).isEqualTo("0s");
  }
}
