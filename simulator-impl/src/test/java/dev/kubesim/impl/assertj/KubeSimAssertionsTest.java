package dev.kubesim.impl.assertj;

import static dev.kubesim.assertj.KubeSimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.ObjectRef;
import dev.kubesim.api.trace.Disposition.Cause;
import dev.kubesim.api.trace.Trace;
import dev.kubesim.impl.cluster.SimCluster;
import dev.kubesim.impl.net.NetTestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kubesim's AssertJ assertions on real exec results and traces, and what their failures print. */
class KubeSimAssertionsTest {
  private static final long SEED = 3;

  private SimCluster cluster;

  @BeforeEach
  void build() {
    cluster = NetTestClusters.build(SEED);
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private ExecResult curl(String url) {
    return cluster.exec("default/client", "curl", "-sS", "-m", "2", url);
  }

  @Test
  void aDeliveredRequestPassesTheAssertionsOfItsWay() {
    ExecResult r = curl("http://kubia");

    assertThat(r).succeeded()
        .stdoutContains("You've hit kubia-")
        .hasTraceThat()
        .wasDelivered()
        .hasCause(Cause.ANSWERED)
        .resolvedName("kubia")
        .wasDnatedByService("default", "kubia")
        .wasDnatedByService(ObjectRef.service("kube-system", "kube-dns"))
        .answeredByPodMatching("kubia-")
        .answeredByPodMatching(p -> p.namespace().equals("default"))
        .answeredByPod(r.stdout().substring("You've hit ".length()).trim());
  }

  @Test
  void aRequestWithinOneNodeStayedOnIt() {
    Trace t = curl("http://10.244.1.20:8080").trace().orElseThrow();

    assertThat(t).wasDelivered().answeredByPod(ObjectRef.pod("default", "kubia-a")).stayedOnNode("node-1").stayedOnNode();
  }

  @Test
  void aRequestToAnotherNodeCrossedNodes() {
    Trace t = curl("http://10.244.2.20:8080").trace().orElseThrow();

    assertThat(t).crossedNodes().crossedNodes("node-1", "node-2").answeredByPod("kubia-b");
  }

  @Test
  void aRefusedRequestFailsAndNamesTheService() {
    ExecResult r = curl("http://" + NetTestClusters.EMPTY_IP);

    assertThat(r).failedWithExitCode(7)
        .stderrContains("Failed to connect to " + NetTestClusters.EMPTY_IP)
        .hasTraceThat()
        .wasRefused()
        .hasCause(Cause.NO_ENDPOINTS)
        .wasDecidedBy(ObjectRef.service("default", "empty"))
        .wasDroppedBy(ObjectRef.service("default", "empty"))
        .hasReasonContaining("has no endpoints");
  }

  @Test
  void aRefusedHttpRequestNamesTheServiceThroughItsTrace() {
    HttpResult r = cluster.http("default/client", "http://" + NetTestClusters.EMPTY_IP);

    assertThat(r).failedWithExitCode(7)
        .hasTraceThat()
        .wasRefused()
        .hasCause(Cause.NO_ENDPOINTS)
        .wasDecidedBy(ObjectRef.service("default", "empty"));
  }

  @Test
  void aPolicyDropIsAssertedWithThePolicy() {
    cluster.apply("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-kubia}
        spec:
          podSelector: {matchLabels: {app: kubia}}
          policyTypes: [Ingress]
        """);

    assertThat(curl("http://10.244.2.20:8080")).failedWithExitCode(28).hasTraceThat()
        .timedOut()
        .hasCause(Cause.POLICY_DENIED)
        .wasDroppedBy(ObjectRef.of("networkpolicy", "default", "deny-kubia"));
  }

  @Test
  void aFailedKindAssertionSaysWhatWasExpectedAndPrintsTheTrace() {
    Trace t = curl("http://" + NetTestClusters.EMPTY_IP).trace().orElseThrow();

    assertThatThrownBy(() -> assertThat(t).wasDelivered())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("\nExpecting trace:\n  curl -sS -m 2 http://10.96.1.6 in pod default/client\n"
            + "to have ended DELIVERED\nbut was:\n  REFUSED (NO_ENDPOINTS) by service/default/empty: ")
        .hasMessageEndingWith("\n\n" + t.render());
  }

  @Test
  void aFailedServiceAssertionListsTheServicesThatDnated() {
    Trace t = curl("http://kubia").trace().orElseThrow();

    assertThatThrownBy(() -> assertThat(t).wasDnatedByService("default", "solo"))
        .hasMessageContaining("to have been DNAT'd by service/default/solo\nbut was:\n"
            + "  Services that DNAT'd: [service/kube-system/kube-dns, service/default/kubia]")
        .hasMessageContaining(t.render());
    assertThatThrownBy(() -> assertThat(t).resolvedName("solo"))
        .hasMessageContaining("to have resolved the name solo\nbut was:\n  names resolved: [kubia -> kubia.default.svc.cluster.local.: ");
    assertThatThrownBy(() -> assertThat(t).stayedOnNode("node-3"))
        .hasMessageContaining("to have stayed on node node-3\nbut was:\n  nodes crossed: [node-1");
  }

  @Test
  void aFailedPodAssertionNamesThePodThatAnswered() {
    Trace t = curl("http://10.244.2.20:8080").trace().orElseThrow();

    assertThatThrownBy(() -> assertThat(t).answeredByPod("kubia-c"))
        .hasMessageContaining("to have been answered by a pod named kubia-c\nbut was:\n  answered by pod/default/kubia-b\n");
    assertThatThrownBy(() -> assertThat(t).wasDroppedBy(ObjectRef.of("networkpolicy", "default", "deny")))
        .hasMessageContaining("to have been dropped by networkpolicy/default/deny\nbut was:\n  no DROP or REJECT; DELIVERED");
  }

  @Test
  void aFailedExecAssertionShowsTheStreamsAndTheTrace() {
    ExecResult r = curl("http://" + NetTestClusters.EMPTY_IP);

    assertThatThrownBy(() -> assertThat(r).succeeded())
        .hasMessageStartingWith("\nExpecting command result:\n  exit code 7, stdout \"\", stderr \"curl: (7) Failed to connect to")
        .hasMessageContaining("\nto have to succeed (exit code 0)\nbut was:\n  exit code 7\n\n")
        .hasMessageEndingWith(r.trace().orElseThrow().render());
    ExecResult quiet = cluster.exec("default/client", "hostname");
    assertThatThrownBy(() -> assertThat(quiet).hasTraceThat())
        .hasMessageContaining("but was:\n  no trace: the command sent nothing");
    assertThatThrownBy(() -> assertThat(quiet).as("client's hostname").hasStdout("x\n"))
        .hasMessageStartingWith("[client's hostname] \nExpecting command result:");
  }
}
