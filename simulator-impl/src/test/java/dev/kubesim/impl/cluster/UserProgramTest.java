package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.program.HttpResponse;
import dev.kubesim.api.program.ListenPort;
import dev.kubesim.api.program.Program;
import dev.kubesim.impl.apiserver.PodStates;
import org.junit.jupiter.api.Test;

class UserProgramTest {
  @Test
  void aProgramRegisteredThroughTheApiDecidesHowTheImageAnswers() {
    try (Cluster cluster = KubeSim.cluster().seed(3).build()) {
      // Healthy only on /healthz: the readiness probe below proves the handler is the one that runs.
      cluster.programs().register("example/picky", Program.builder()
          .listens(ListenPort.tcp(9000))
          .http((request, context) -> request.target().equals("/healthz")
              ? HttpResponse.ok("fine") : HttpResponse.status(503, "no"))
          .build());
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: good}
          spec: {containers: [{name: app, image: 'example/picky:1.0', readinessProbe: {httpGet: {path: /healthz, port: 9000}}}]}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: bad}
          spec: {containers: [{name: app, image: example/picky, readinessProbe: {httpGet: {path: /, port: 9000}}}]}
          """);
      assertThat(PodStates.isReady(cluster.get(Pod.class, "default", "good").orElseThrow())).isTrue();
      assertThat(PodStates.isReady(cluster.get(Pod.class, "default", "bad").orElseThrow())).isFalse();
    }
  }
}
