package dev.kubesim.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lab and shell lines that run on the host outside the cluster, and the {@code trace} command. */
class OutsideClientLinesTest {
  private static final String APP = """
      apiVersion: v1
      kind: Pod
      metadata: {name: kubia, labels: {app: kubia}}
      spec:
        containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: kubia-nodeport}
      spec:
        type: NodePort
        selector: {app: kubia}
        ports: [{port: 80, targetPort: 8080, nodePort: 30123}]
      """;

  private final SimCluster cluster = (SimCluster) KubeSim.cluster().seed(3).nodes(2).build();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final LabRunner runner =
      new LabRunner(cluster, name -> Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCurlLineWithoutKubectlExecRunsOutsideTheClusterAndReachesTheNodePort() {
    cluster.apply(APP);
    String nodeIp = cluster.options().nodes().get(1).internalIP();

    runner.runLine("curl -s http://" + nodeIp + ":30123");

    assertThat(output()).isEqualTo("$ curl -s http://" + nodeIp + ":30123\nYou've hit kubia\n\n");
  }

  @Test
  void traceShowsTheHopsOfTheLastRequestFromOutside() {
    cluster.apply(APP);
    String nodeIp = cluster.options().nodes().get(0).internalIP();
    runner.runLine("curl -s http://" + nodeIp + ":30123");

    runner.runLine("trace");

    assertThat(output()).contains("$ trace\n", "from outside the cluster (203.0.113.2)", "KUBE-EXT-",
        "result: DELIVERED by pod/default/kubia");
  }

  @Test
  void aClusterIpIsNotReachableFromOutsideAndTheLineCountsAsFailed() {
    cluster.apply(APP);

    runner.runLine("curl -sS -m 2 http://10.96.0.1");

    assertThat(output()).contains("curl: (28) ");
    assertThat(runner.run(LabScript.parse("t", ""))).isEqualTo(1);
  }

  @Test
  void traceBeforeAnyRequestSaysSo() {
    runner.runLine("trace");

    assertThat(output()).isEqualTo("$ trace\n(no request has been traced yet)\n\n");
  }
}
