package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import org.junit.jupiter.api.Test;

/** {@code kubectl run -i --rm} of the client images tutorials use (seed 1). */
class RunClientImageTest {
  private final KubectlFixture k = new KubectlFixture();

  @Test
  void busyboxplusRunsItsShellOnTheAttachedInput() {
    // kubernetes.io, "Connecting Applications with Services"
    k.run("create deployment my-nginx --image=nginx");
    k.run("expose deployment my-nginx --port=80");
    k.cluster.awaitReady(java.time.Duration.ofMinutes(2));
    KubectlResult r = k.run("run curl --image=radial/busyboxplus:curl -i --rm --restart=Never",
        "curl -s my-nginx | grep title\nexit\n");
    assertThat(r.stdout()).as("seed %d", KubectlFixture.SEED)
        .isEqualTo("<title>Welcome to nginx!</title>\npod \"curl\" deleted\n");
    assertThat(r.exitCode()).isZero();
    assertThat(k.cluster.get(Pod.class, "default", "curl")).isEmpty();
  }
}
