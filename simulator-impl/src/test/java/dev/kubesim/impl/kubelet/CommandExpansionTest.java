package dev.kubesim.impl.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kubelet expands {@code $(VAR)} in a container's command and args from its environment. */
class CommandExpansionTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(1).seed(6).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void argsNameTheContainersVariablesAndAnUnknownReferenceStaysAsWritten() {
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: echo, namespace: default}
        spec:
          restartPolicy: Never
          containers:
          - name: echo
            image: busybox
            command: [echo]
            args: ["--namespace=$(POD_NAMESPACE)", "$(GREETING)-$$(x)", "$(UNDEFINED)"]
            env:
            - {name: POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
            - {name: GREETING, value: hello}
        """);
    cluster.advance(Duration.ofSeconds(10));
    assertThat(cluster.kubectl("logs echo").stdout()).isEqualTo("--namespace=default hello-$(x) $(UNDEFINED)\n");
  }

  @Test
  void anImagePulledByDigestHasThatDigestAsItsId() {
    assertThat(Images.imageId("registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6.9@sha256:0103"))
        .isEqualTo("registry.k8s.io/ingress-nginx/kube-webhook-certgen@sha256:0103");
    assertThat(Images.imageId("docker.io/library/nginx:1.27")).startsWith("docker.io/library/nginx@sha256:");
  }
}
