package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl get -o jsonpath=...} and {@code -o custom-columns=...}, as the docs and labs use them. */
class TemplateOutputTest {
  private static final long SEED = 9;
  private final Cluster cluster = KubeSim.cluster().nodes(2).seed(SEED).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void kubia() {
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
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kubia}
        spec:
          selector: {app: kubia}
          ports: [{port: 80, targetPort: 8080}]
        """);
  }

  private List<String> podNames() {
    return cluster.pods("default", "app=kubia").stream().map(p -> p.metadata().nameOrEmpty()).sorted().toList();
  }

  @Test
  void aFieldOfOneObjectPrintsWithoutANewline() {
    kubia();
    String ip = cluster.get(Service.class, "default", "kubia").orElseThrow().spec().orElseThrow().clusterIP().orElseThrow();
    KubectlResult r = cluster.kubectl("get svc kubia -o jsonpath='{.spec.clusterIP}'");

    assertThat(r.exitCode()).as("seed %d", SEED).isZero();
    assertThat(r.stdout()).isEqualTo(ip);
    assertThat(cluster.kubectl("get svc kubia -o=jsonpath={.spec.ports[0].targetPort}").stdout()).isEqualTo("8080");
  }

  @Test
  void aWildcardOverAListPrintsItsValuesSeparatedBySpaces() {
    kubia();
    assertThat(cluster.kubectl("get pods -l app=kubia -o jsonpath='{.items[*].metadata.name}'").stdout())
        .as("seed %d", SEED).isEqualTo(String.join(" ", podNames()));
  }

  @Test
  void rangeWithLiteralsPrintsALineAnItem() {
    kubia();
    String out = cluster.kubectl(
        "get pods -l app=kubia -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}'").stdout();
    assertThat(out).as("seed %d", SEED)
        .isEqualTo(podNames().get(0) + "\tRunning\n" + podNames().get(1) + "\tRunning\n");
  }

  @Test
  void filtersSelectElementsByAField() {
    kubia();
    String pod = podNames().get(0);
    assertThat(cluster.kubectl("get pod " + pod + " -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}'").stdout())
        .as("seed %d", SEED).isEqualTo("True");
    assertThat(cluster.kubectl("get pod " + pod + " -o jsonpath='{.spec.containers[-1:].name}'").stdout()).isEqualTo("kubia");
    assertThat(cluster.kubectl("get pod " + pod + " -o jsonpath='{.metadata.labels}'").stdout()).isEqualTo("{\"app\":\"kubia\"}");
    // a missing key prints nothing, as --allow-missing-template-keys=true has it
    assertThat(cluster.kubectl("get pod " + pod + " -o jsonpath='{.spec.nothing}'").stdout()).isEmpty();
  }

  @Test
  void customColumnsPrintATableWithNoneForMissingValues() {
    kubia();
    List<Pod> pods = cluster.pods("default", "app=kubia");
    KubectlResult r = cluster.kubectl("get pods -l app=kubia -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:spec.nodeName,X:.spec.nothing");

    assertThat(r.exitCode()).as("seed %d", SEED).isZero();
    List<String> lines = r.stdout().lines().toList();
    assertThat(lines.get(0)).matches("NAME +IP +NODE +X");
    assertThat(lines).hasSize(3);
    for (Pod p : pods) {
      assertThat(lines).anySatisfy(l -> assertThat(l).matches(p.metadata().nameOrEmpty() + " +"
          + p.status().orElseThrow().podIP().orElseThrow().replace(".", "\\.") + " +node-\\d +<none>"));
    }
  }

  @Test
  void customColumnsPrintListsAndObjectsAsGoPrintsThem() {
    kubia();
    Pod pod = cluster.pods("default", "app=kubia").get(0);
    String ip = pod.status().orElseThrow().podIP().orElseThrow();

    // the kubernetes.io "Connecting Applications with Services" page shows [map[ip:10.244.3.4]]
    KubectlResult r = cluster.kubectl("get pod " + pod.metadata().nameOrEmpty()
        + " -o custom-columns=POD_IP:.status.podIPs,PORT:.spec.containers[0].ports[0].containerPort,LABELS:.metadata.labels");

    assertThat(r.stdout()).isEqualTo("POD_IP                 PORT   LABELS\n".replace("POD_IP                 ",
        String.format("%-" + ("[map[ip:" + ip + "]]").length() + "s   ", "POD_IP"))
        + "[map[ip:" + ip + "]]   8080   map[app:kubia]\n");
  }

  @Test
  void badTemplatesGetKubectlsErrors() {
    kubia();
    KubectlResult unclosed = cluster.kubectl("get svc kubia -o jsonpath={.spec");
    assertThat(unclosed.exitCode()).as("seed %d", SEED).isEqualTo(1);
    assertThat(unclosed.stderr()).isEqualTo("error: error parsing jsonpath {.spec, unclosed action\n");
    assertThat(cluster.kubectl("get svc kubia -o jsonpath").stderr())
        .isEqualTo("error: template format specified but no template given\n");
    assertThat(cluster.kubectl("get svc kubia -o custom-columns=NAME").stderr())
        .isEqualTo("error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n");
  }
}
