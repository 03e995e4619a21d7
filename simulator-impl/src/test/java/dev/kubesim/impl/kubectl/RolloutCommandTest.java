package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Deployment;
import org.junit.jupiter.api.Test;

class RolloutCommandTest {
  private static final String WEB = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 3
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: %s}]}
      """;
  private final KubectlFixture k = new KubectlFixture().apply(WEB.formatted("nginx:1.26"));

  private String image() {
    return k.cluster.get(Deployment.class, "default", "web").orElseThrow().specOrEmpty().template().orElseThrow()
        .specOrEmpty().containers().get(0).image().orElseThrow();
  }

  @Test
  void rolloutStatusOfASettledDeploymentIsDone() {
    KubectlResult r = k.run("rollout status deployment/web");
    assertThat(r.output()).isEqualTo("deployment \"web\" successfully rolled out\n");
  }

  @Test
  void rolloutStatusWaitsInVirtualTimeUntilTheNewPodsAreAvailable() {
    // the new pods turn ready 20 s after they start: the rollout is under way when the cluster settles
    k.run("apply -f -", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: slow}
        spec:
          replicas: 2
          selector: {matchLabels: {app: slow}}
          template:
            metadata: {labels: {app: slow}}
            spec:
              containers:
              - name: c
                image: busybox
                command: [sh, -c, 'sleep 20; touch /tmp/ready; sleep 3600']
                readinessProbe: {exec: {command: [cat, /tmp/ready]}, periodSeconds: 1}
        """);
    java.time.Duration before = k.cluster.now();
    KubectlResult r = k.run("rollout status deploy slow");
    assertThat(r.stdout()).as("seed %d", KubectlFixture.SEED).isEqualTo(
        "Waiting for deployment \"slow\" rollout to finish: 0 of 2 updated replicas are available...\n"
            + "deployment \"slow\" successfully rolled out\n");
    assertThat(r.exitCode()).isZero();
    assertThat(k.cluster.now().minus(before)).isBetween(java.time.Duration.ofSeconds(15), java.time.Duration.ofSeconds(25));
  }

  @Test
  void aRolloutWithoutProgressForItsDeadlineFailsAndRecoversWhenItProgresses() {
    k.run("apply -f -", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: stuck}
        spec:
          replicas: 1
          progressDeadlineSeconds: 60
          selector: {matchLabels: {app: stuck}}
          template:
            metadata: {labels: {app: stuck}}
            spec:
              containers:
              - name: c
                image: busybox
                command: [sh, -c, 'sleep 3600']
                readinessProbe: {exec: {command: [cat, /tmp/ready]}, periodSeconds: 1}
        """);
    KubectlResult r = k.run("rollout status deploy stuck");
    assertThat(r.stdout()).isEqualTo("Waiting for deployment \"stuck\" rollout to finish: 0 of 1 updated replicas are available...\n");
    assertThat(r.stderr()).isEqualTo("error: deployment \"stuck\" exceeded its progress deadline\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(k.output("get deploy stuck -o yaml")).containsPattern(
        "message: ReplicaSet \"stuck-\\w+\" has timed out progressing.\n +reason: ProgressDeadlineExceeded\n +status: \"False\"");

    String pod = k.cluster.pods("default", "app=stuck").get(0).metadata().nameOrEmpty();
    k.run("exec " + pod + " -- touch /tmp/ready");
    k.cluster.advance(java.time.Duration.ofSeconds(5));
    assertThat(k.output("get deploy stuck -o yaml")).contains("reason: NewReplicaSetAvailable");
  }

  @Test
  void rolloutHistoryListsTheRevisions() {
    k.run("apply -f -", WEB.formatted("nginx:1.27"));
    assertThat(k.output("rollout history deployment web")).isEqualTo(
        "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n");
    assertThat(k.output("rollout history deployment/web --revision=1"))
        .startsWith("deployment.apps/web with revision #1\nPod Template:\n")
        .contains("nginx:1.26");
  }

  @Test
  void rolloutUndoRestoresPreviousTemplate() {
    k.run("apply -f -", WEB.formatted("nginx:1.27"));
    assertThat(image()).isEqualTo("nginx:1.27");
    assertThat(k.output("rollout undo deployment/web")).isEqualTo("deployment.apps/web rolled back\n");
    assertThat(image()).isEqualTo("nginx:1.26");
    k.run("rollout status deployment/web");
    // the old ReplicaSet comes back under a new revision, as the deployment controller numbers it
    assertThat(k.output("rollout history deployment/web")).isEqualTo(
        "deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n");
    assertThat(k.output("rollout undo deployment/web --to-revision=3"))
        .isEqualTo("deployment.apps/web skipped rollback (current template already matches revision 3)\n");
  }

  @Test
  void rolloutUndoWithoutHistoryAndOfOtherKindsFailsAsKubectlDoes() {
    assertThat(k.run("rollout undo deployment/web").stderr())
        .isEqualTo("error: no rollout history found for deployment \"web\"\n");
    k.apply("{apiVersion: v1, kind: ReplicationController, metadata: {name: rc}, spec: {replicas: 0, selector: {a: b}, "
        + "template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}}");
    assertThat(k.run("rollout history rc/rc").stderr())
        .isEqualTo("error: no history viewer has been implemented for \"ReplicationController\"\n");
    assertThat(k.run("rollout status rc/rc").stderr())
        .isEqualTo("error: no status viewer has been implemented for ReplicationController\n");
    assertThat(k.run("rollout status").stderr()).isEqualTo("error: required resource not specified\n");
  }

  @Test
  void rolloutRestartRollsNewPods() {
    assertThat(k.output("rollout restart deployment/web")).isEqualTo("deployment.apps/web restarted\n");
    k.run("rollout status deployment/web");
    assertThat(k.output("rollout history deployment/web")).contains("\n2         <none>\n");
  }
}
