package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Image pulls that fail, as the kubelet's image manager ({@code pkg/kubelet/images/image_manager.go},
 * v1.32) and containerd report them: the events, the container's waiting state and the image
 * back-off, in virtual time.
 */
class ImagePullFailuresTest {
  private static final String NOT_FOUND = "rpc error: code = NotFound desc = failed to pull and unpack image "
      + "\"docker.io/library/nginx:1.161\": failed to resolve reference \"docker.io/library/nginx:1.161\": "
      + "docker.io/library/nginx:1.161: not found";

  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(4).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private String events(String pod) {
    return cluster.kubectl("get events --field-selector involvedObject.name=" + pod
        + " -o custom-columns=REASON:.reason,COUNT:.count,FIRST:.firstTimestamp,LAST:.lastTimestamp,MESSAGE:.message --no-headers")
        .stdout();
  }

  private String waiting(String pod, String statuses) {
    return cluster.kubectl("get pod " + pod + " -o jsonpath={.status." + statuses + "[0].state.waiting.reason}"
        + "/{.status." + statuses + "[0].state.waiting.message}").stdout();
  }

  private String table(String pod) {
    return cluster.kubectl("get pod " + pod + " --no-headers -o custom-columns=X:.metadata.name").stdout().isEmpty()
        ? "" : cluster.kubectl("get pod " + pod + " --no-headers").stdout().replaceAll(" +", " ");
  }

  @Test
  void aTagTheRegistryDoesNotHaveFailsToPullThenBacksOffDoublingFromTenSeconds() {
    cluster.kubectl("run bad --image=nginx:1.161");
    // a write returns once the work it causes is done: bound at once, the pull fails a second later
    assertThat(waiting("bad", "containerStatuses")).isEqualTo("ErrImagePull/" + NOT_FOUND);
    assertThat(table("bad")).isEqualTo("bad 0/1 ErrImagePull 0 1s\n");
    assertThat(events("bad").replaceAll(" +", " ")).isEqualTo(
        "Scheduled 1 2025-01-01T00:00:01Z 2025-01-01T00:00:01Z Successfully assigned default/bad to node-1\n"
            + "Pulling 1 2025-01-01T00:00:02Z 2025-01-01T00:00:02Z Pulling image \"nginx:1.161\"\n"
            + "Failed 1 2025-01-01T00:00:02Z 2025-01-01T00:00:02Z Failed to pull image \"nginx:1.161\": " + NOT_FOUND + "\n"
            + "Failed 1 2025-01-01T00:00:02Z 2025-01-01T00:00:02Z Error: ErrImagePull\n");

    // the PLEG's relist syncs the pod a second later: the image is backing off
    cluster.advance(Duration.ofSeconds(1));
    assertThat(waiting("bad", "containerStatuses"))
        .isEqualTo("ImagePullBackOff/Back-off pulling image \"nginx:1.161\": ErrImagePull: " + NOT_FOUND);
    assertThat(table("bad")).isEqualTo("bad 0/1 ImagePullBackOff 0 2s\n");
    assertThat(cluster.kubectl("get pod bad -o jsonpath={.status.phase}").stdout()).isEqualTo("Pending");

    // syncs every 10 s; a pull again once the back-off (10 s, 20 s, 40 s) has passed
    cluster.advance(Duration.ofSeconds(98));
    assertThat(events("bad").replaceAll(" +", " ")).isEqualTo(
        "Scheduled 1 2025-01-01T00:00:01Z 2025-01-01T00:00:01Z Successfully assigned default/bad to node-1\n"
            + "Pulling 4 2025-01-01T00:00:02Z 2025-01-01T00:01:13Z Pulling image \"nginx:1.161\"\n"
            + "Failed 4 2025-01-01T00:00:02Z 2025-01-01T00:01:13Z Failed to pull image \"nginx:1.161\": " + NOT_FOUND + "\n"
            + "Failed 4 2025-01-01T00:00:02Z 2025-01-01T00:01:13Z Error: ErrImagePull\n"
            // 25 events in a burst, then one every 5 minutes: the recorder's spam filter drops the 26th
            + "BackOff 7 2025-01-01T00:00:03Z 2025-01-01T00:01:33Z Back-off pulling image \"nginx:1.161\"\n"
            + "Failed 6 2025-01-01T00:00:03Z 2025-01-01T00:01:23Z Error: ImagePullBackOff\n");

    KubectlResult logs = cluster.kubectl("logs bad");
    assertThat(logs.stderr()).isEqualTo(
        "Error from server (BadRequest): container \"bad\" in pod \"bad\" is waiting to start: trying and failing to pull image\n");
  }

  @Test
  void aContainerNeverCreatedReportsItsImageAsWrittenAndIsNotKilledWhenThePodGoes() {
    cluster.kubectl("run bad --image=nginx:1.161");
    assertThat(cluster.kubectl("get pod bad -o jsonpath={.status.containerStatuses[0].image}/{.status.containerStatuses[0].imageID}")
        .stdout()).isEqualTo("nginx:1.161/");
    cluster.kubectl("delete pod bad --wait=false");
    cluster.advance(Duration.ofSeconds(1));
    assertThat(events("bad")).doesNotContain("Killing");
  }

  @Test
  void whileErrImagePullLogsSayTheImageCannotBePulled() {
    cluster.kubectl("run bad --image=nginx:1.161");
    assertThat(cluster.kubectl("logs bad").stderr()).isEqualTo(
        "Error from server (BadRequest): container \"bad\" in pod \"bad\" is waiting to start: image can't be pulled\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nginx", "nginx:", "nginx::1", "foo bar"})
  void aReferenceThatDoesNotParseIsAnInvalidImageNameWhateverTheRetries(String image) {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: inv}
        spec: {containers: [{name: c, image: "%s"}]}
        """.formatted(image));
    cluster.advance(Duration.ofSeconds(40));
    String parse = image.equals("Nginx")
        ? "invalid reference format: repository name (library/Nginx) must be lowercase"
        : "invalid reference format";
    String message = "Failed to apply default image tag \"" + image + "\": couldn't parse image name \"" + image + "\": " + parse;
    assertThat(waiting("inv", "containerStatuses")).isEqualTo("InvalidImageName/" + message);
    String events = events("inv").replaceAll(" +", " ");
    assertThat(events).contains("InspectFailed 5 2025-01-01T00:00:02Z 2025-01-01T00:00:33Z " + message + "\n",
        "Failed 5 2025-01-01T00:00:02Z 2025-01-01T00:00:33Z Error: InvalidImageName\n").doesNotContain("Pulling");
    assertThat(table("inv")).startsWith("inv 0/1 InvalidImageName 0 ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nginx:1.14.2", "nginx:1.25-alpine", "nginx:stable", "nginx:1.14", "redis:7.2.4-alpine",
      "busybox:1.28", "example.com/me/app:99.1", "luksa/kubia:v2", "ubuntu:22.04",
      "nginx:1.161@sha256:0000000000000000000000000000000000000000000000000000000000000000"})
  void releasedTagsWordsPrivateImagesAndDigestsArePulled(String image) {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: ok}
        spec: {containers: [{name: c, image: "%s", command: [sleep, "3600"]}]}
        """.formatted(image));
    cluster.advance(Duration.ofSeconds(5));
    assertThat(events("ok")).contains("Pulled").doesNotContain("Failed");
    assertThat(cluster.kubectl("get pod ok -o jsonpath={.status.phase}").stdout()).isEqualTo("Running");
  }

  @Test
  void anInitContainerWhoseImageCannotBePulledBlocksThePod() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: init}
        spec:
          initContainers: [{name: setup, image: "busybox:1.99", command: ["true"]}]
          containers: [{name: app, image: nginx}]
        """);
    assertThat(table("init")).isEqualTo("init 0/1 Init:ErrImagePull 0 1s\n");
    cluster.advance(Duration.ofSeconds(1));
    assertThat(table("init")).isEqualTo("init 0/1 Init:ImagePullBackOff 0 2s\n");
    assertThat(waiting("init", "containerStatuses")).isEqualTo("PodInitializing/");
    assertThat(events("init")).doesNotContain("Pulling image \"nginx\"");
  }

  @Test
  void aNeverPolicyCannotHaveATagTheRegistryNeverHad() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: never}
        spec: {containers: [{name: c, image: "nginx:1.161", imagePullPolicy: Never}]}
        """);
    String message = "Container image \"nginx:1.161\" is not present with pull policy of Never";
    assertThat(waiting("never", "containerStatuses")).isEqualTo("ErrImageNeverPull/" + message);
    assertThat(events("never").replaceAll(" +", " ")).contains("ErrImageNeverPull 1 2025-01-01T00:00:02Z 2025-01-01T00:00:02Z " + message,
        "Error: ErrImageNeverPull");
  }

  @Test
  void aDeploymentRolledToABadTagKeepsItsOldPodsUntilTheProgressDeadlineAndRecoversWhenFixed() {
    cluster.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: nginx, image: "nginx:1.14.2"}]}
        """);
    cluster.advance(Duration.ofSeconds(10));
    cluster.kubectl("set image deployment/web nginx=nginx:1.161");
    cluster.advance(Duration.ofSeconds(30));
    String pods = cluster.kubectl("get pods --no-headers").stdout().replaceAll(" +", " ");
    assertThat(pods.lines().filter(l -> l.contains(" 1/1 Running ")).count()).isEqualTo(3);
    assertThat(pods.lines().filter(l -> l.contains(" 0/1 ImagePullBackOff ")).count()).isEqualTo(1);

    KubectlResult status = cluster.kubectl("rollout status deployment/web");
    assertThat(status.stdout()).startsWith("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...\n");
    assertThat(status.stderr()).isEqualTo("error: deployment \"web\" exceeded its progress deadline\n");
    assertThat(cluster.kubectl("get deploy web -o yaml").stdout()).contains("reason: ProgressDeadlineExceeded");

    cluster.kubectl("set image deployment/web nginx=nginx:1.14.2");
    KubectlResult done = cluster.kubectl("rollout status deployment/web");
    assertThat(done.stdout()).endsWith("deployment \"web\" successfully rolled out\n");
    assertThat(cluster.kubectl("get pods --no-headers").stdout().lines().filter(l -> l.contains("Running")).count()).isEqualTo(3);
  }

  @Test
  void rollingBackFromABadTagRemovesThePodThatCannotPull() {
    cluster.apply("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: nginx, image: "nginx:1.14.2"}]}
        """);
    cluster.advance(Duration.ofSeconds(10));
    cluster.kubectl("set image deployment/web nginx=nginx:1.91");
    cluster.advance(Duration.ofSeconds(30));
    assertThat(cluster.kubectl("get pods --no-headers").stdout()).contains("ImagePullBackOff");
    assertThat(cluster.kubectl("rollout undo deployment/web").stdout()).isEqualTo("deployment.apps/web rolled back\n");
    assertThat(cluster.kubectl("rollout status deployment/web").stdout()).endsWith("deployment \"web\" successfully rolled out\n");
    cluster.advance(Duration.ofSeconds(60));
    String pods = cluster.kubectl("get pods --no-headers").stdout();
    assertThat(pods.lines().filter(l -> l.contains(" Running ")).count()).isEqualTo(2);
    assertThat(pods).doesNotContain("ImagePull");
  }
}
