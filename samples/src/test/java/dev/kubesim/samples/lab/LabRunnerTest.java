package dev.kubesim.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import dev.kubesim.impl.cluster.SimCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabRunnerTest {
  private static final long SEED = 3;

  @Test
  void podReferenceSkipsAPodThatIsTerminating() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      LabRunner runner = new LabRunner(cluster, name -> Optional.empty(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
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
      List<String> names = cluster.list(Pod.class, "default").stream().map(p -> p.metadata().nameOrEmpty()).sorted().toList();
      String first = names.get(0);

      // kubia ignores SIGTERM: without waiting, the pod stays Terminating for its 30 s grace period.
      runner.runLine("kubectl delete pod " + first + " --wait=false");
      runner.runLine("kubectl exec $(pod app=kubia) -- hostname");

      Pod deleted = cluster.get(Pod.class, "default", first).orElseThrow();
      assertThat(deleted.metadata().deletionTimestamp()).as("seed %d", SEED).isPresent();
      String output = bytes.toString(StandardCharsets.UTF_8);
      assertThat(output).as("seed %d", SEED)
          .doesNotContain("kubectl exec " + first + " --")
          .containsPattern("\\$ kubectl exec (kubia-\\w{5}) -- hostname\n\\1\n");
    }
  }

  @Test
  void aManifestTheLabProvidesIsNamedByItsFileNameInKubectlsMessages() {
    try (SimCluster cluster = (SimCluster) KubeSim.cluster().seed(SEED).build()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      String old = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: kubia}\n";
      LabRunner runner = new LabRunner(cluster, name -> name.equals("kubia-ingress.yaml") ? Optional.of(old) : Optional.empty(),
          new PrintStream(bytes, true, StandardCharsets.UTF_8));

      runner.runLine("kubectl create -f kubia-ingress.yaml");

      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("$ kubectl create -f kubia-ingress.yaml\n"
          + "error: resource mapping not found for name: \"kubia\" namespace: \"\" from \"kubia-ingress.yaml\": "
          + "no matches for kind \"Ingress\" in version \"extensions/v1beta1\"\nensure CRDs are installed first\n\n");
    }
  }
}
