package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import org.junit.jupiter.api.Test;

/** {@code kubectl wait} over virtual time (seed 1). */
class WaitCommandTest {
  private final KubectlFixture k = new KubectlFixture();

  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: kiada, labels: {app: kiada}}
      spec: {containers: [{name: kiada, image: luksa/kiada:0.1}]}
      """;
  private static final String NEVER_READY = """
      apiVersion: v1
      kind: Pod
      metadata: {name: slow, labels: {app: slow}}
      spec: {containers: [{name: a, image: nginx, readinessProbe: {exec: {command: [ls, /var/ready]}, periodSeconds: 1}}]}
      """;

  @Test
  void conditionAndJsonpathWaitsAreMetByARunningPod() {
    k.apply(POD);
    assertThat(k.output("wait --for=condition=Ready pod/kiada")).isEqualTo("pod/kiada condition met\n");
    assertThat(k.output("wait --for=condition=ready=TRUE pod/kiada")).isEqualTo("pod/kiada condition met\n");
    assertThat(k.output("wait --for=jsonpath={.status.phase}=Running pod/kiada")).isEqualTo("pod/kiada condition met\n");
    assertThat(k.output("wait --for=create pod/kiada")).isEqualTo("pod/kiada condition met\n");
  }

  @Test
  void aTimeoutLetsExactlyThatMuchVirtualTimePassAndFails() {
    k.apply(NEVER_READY);
    java.time.Duration before = k.cluster.now();
    KubectlResult r = k.run("wait --for=condition=Ready pod/slow --timeout=5s");
    assertThat(r.stderr()).isEqualTo("error: timed out waiting for the condition on pods/slow\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(k.cluster.now().minus(before)).isEqualTo(java.time.Duration.ofSeconds(5));
  }

  @Test
  void waitingForDeletionRunsTheGracePeriod() {
    k.apply(POD);
    k.run("delete pod kiada --wait=false");
    assertThat(k.output("wait --for=delete pod/kiada --timeout=60s")).isEqualTo("pod/kiada condition met\n");
    assertThat(k.output("get pod kiada")).isEqualTo("Error from server (NotFound): pods \"kiada\" not found\n");
    assertThat(k.run("wait --for=delete pod/kiada").output()).isEmpty();
  }

  @Test
  void selectorsAndErrorsAsKubectlWordsThem() {
    k.apply(POD);
    assertThat(k.output("wait --for=condition=Ready pods -l app=kiada")).isEqualTo("pod/kiada condition met\n");
    assertThat(k.output("wait --for=condition=Ready pods -l app=none")).isEqualTo("error: no matching resources found\n");
    assertThat(k.output("wait --for=condition=Ready pods")).isEqualTo("error: resource(s) were provided, but no name was specified\n");
    assertThat(k.output("wait pod/kiada")).isEqualTo("error: unrecognized condition: \"\"\n");
    assertThat(k.output("wait --for=condition=Ready pod/nope")).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
  }
}
