package dev.kubesim.samples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabChecksTest {
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: luksa/kubia
              ports:
              - containerPort: 8080
      """;
  private static final String EMPTY_SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: nobody
      spec:
        selector:
          app: nobody
        ports:
        - port: 80
      """;

  private Cluster cluster;

  @BeforeEach
  void startTheNetworkPolicyLabsCluster() {
    cluster = KubeSim.cluster().seed(7).nodes(3).build();
    for (String manifest : List.of("kubia-rc.yaml", "kubia-svc.yaml", "clients.yaml")) {
      cluster.apply(BuiltInLabs.file("netpol", manifest).orElseThrow());
    }
    cluster.apply(DEPLOYMENT);
    cluster.apply(EMPTY_SERVICE);
    cluster.awaitReady(Duration.ofMinutes(2));
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private CheckResult check(String check) {
    return check(check, "");
  }

  private CheckResult check(String check, String output) {
    return LabChecks.parse("test.md", 1, check).evaluate(new CheckContext(cluster, output));
  }

  private void denyAllIngress() {
    cluster.apply(BuiltInLabs.file("netpol", "default-deny-ingress.yaml").orElseThrow());
  }

  private List<String> kubiaPodIps() {
    return cluster.pods("default", "app=kubia").stream()
        .map(p -> p.status().flatMap(s -> s.podIP()).orElseThrow()).toList();
  }

  @Test
  void serviceEndpointsCountsTheReadyEndpointsOfTheSlices() {
    assertThat(check("service default/kubia has 3 ready endpoints").line()).isEqualTo("✓ service default/kubia has 3 ready endpoints");
    assertThat(check("service default/kubia has 2 ready endpoints").line()).isEqualTo("✗ service default/kubia has 2 ready endpoints (found 3)");
    assertThat(check("service default/nobody has 1 ready endpoint").line()).isEqualTo("✗ service default/nobody has 1 ready endpoint (found 0)");
    assertThat(check("service default/gone has 1 ready endpoint").found()).isEqualTo("no service default/gone");
  }

  @Test
  void serviceIsComparesTheTypeAndThePortsColumnAsKubectlGetSvcShowsThem() {
    cluster.apply(BuiltInLabs.file("kubia", "kubia-svc-nodeport.yaml").orElseThrow());
    cluster.apply(BuiltInLabs.file("kubia", "kubia-svc-headless.yaml").orElseThrow());

    assertThat(check("service default/kubia is ClusterIP 80/TCP").passed()).isTrue();
    assertThat(check("service default/kubia is ClusterIP").passed()).as("without ports, the type alone").isTrue();
    assertThat(check("service default/kubia-nodeport is NodePort 80:30123/TCP").passed()).isTrue();
    assertThat(check("service default/kubia-nodeport is NodePort 80:30124/TCP").line())
        .isEqualTo("✗ service default/kubia-nodeport is NodePort 80:30124/TCP (found NodePort 80:30123/TCP)");
    assertThat(check("service default/kubia-headless is headless 80/TCP").passed()).isTrue();
    assertThat(check("service default/kubia-headless is ClusterIP").found())
        .as("a cluster IP of None is a headless Service").isEqualTo("headless 80/TCP");
    assertThat(check("service default/kubia is headless").found()).isEqualTo("ClusterIP 80/TCP");
    assertThat(check("service default/gone is NodePort").found()).isEqualTo("no service default/gone");
  }

  @Test
  void podsCountsRunningOrReadyPodsOfASelector() {
    assertThat(check("pods default -l app=kubia: 3 running").passed()).isTrue();
    assertThat(check("pods default -l app=kubia: 3 ready").passed()).isTrue();
    assertThat(check("pods default -l role in (frontend): 1 ready").passed()).isTrue();
    assertThat(check("pods default -l app=kubia: 4 running").line()).isEqualTo("✗ pods default -l app=kubia: 4 running (found 3)");
    assertThat(check("pods default -l app=none: 1 running").found()).isEqualTo("0");
  }

  @Test
  void deploymentCountsAvailableReplicas() {
    assertThat(check("deployment default/web has 2 available replicas").passed()).isTrue();
    assertThat(check("deployment default/web has 3 available replicas").line())
        .isEqualTo("✗ deployment default/web has 3 available replicas (found 2)");
    assertThat(check("deployment default/nope has 1 available replica").found()).isEqualTo("no deployment default/nope");
  }

  @Test
  void existsAndAbsentAskTheApiServer() {
    assertThat(check("exists Service default/kubia").passed()).isTrue();
    assertThat(check("absent Service default/kubia").line()).isEqualTo("✗ absent Service default/kubia (found Service default/kubia)");
    assertThat(check("exists NetworkPolicy default/allow-frontend").line())
        .isEqualTo("✗ exists NetworkPolicy default/allow-frontend (found no NetworkPolicy default/allow-frontend)");
    assertThat(check("absent NetworkPolicy default/allow-frontend").passed()).isTrue();
    assertThat(check("exists Namespace kube-system").passed()).isTrue();
  }

  @Test
  void outputChecksLookAtTheLastOutput() {
    String output = "You've hit kubia-abcde\n";
    assertThat(check("output contains You've hit", output).passed()).isTrue();
    assertThat(check("output matches ^You've hit kubia-\\w{5}$", output).passed()).isTrue();
    assertThat(check("output contains (a.b)", "a-b\n").line()).isEqualTo("✗ output contains (a.b) (found \"a-b\")");
    assertThat(check("output matches kubia", "").found()).isEqualTo("no output");
  }

  @Test
  void lastRequestChecksReadTheKindOfTheLastTracedRequest() {
    assertThat(check("last request answered").line()).isEqualTo("✗ last request answered (found no request sent yet)");

    cluster.exec("frontend", "curl", "-s", "http://kubia");
    assertThat(check("last request answered").passed()).isTrue();
    assertThat(check("last request refused").found()).startsWith("answered (ANSWERED by pod/default/kubia-");

    cluster.exec("frontend", "curl", "-s", "http://nobody");
    assertThat(check("last request refused").passed()).isTrue();
    assertThat(check("last request dropped").found()).isEqualTo("refused (NO_ENDPOINTS by service/default/nobody)");

    denyAllIngress();
    cluster.exec("other", "curl", "-s", "--max-time", "2", "http://kubia");
    assertThat(check("last request timed out").passed()).isTrue();
    assertThat(check("last request dropped").passed()).isTrue();
    assertThat(check("last request answered").found())
        .isEqualTo("timed out (POLICY_DENIED by networkpolicy/default/default-deny-ingress)");
  }

  @Test
  void aDifferentPodAnsweredWhenTheLastTwoRequestsReachedTwoPods() {
    List<String> ips = kubiaPodIps();
    cluster.exec("frontend", "curl", "-s", "http://" + ips.get(0) + ":8080");
    cluster.exec("frontend", "curl", "-s", "http://" + ips.get(0) + ":8080");
    CheckResult same = check("last request answered by a different pod than the one before");
    assertThat(same.passed()).isFalse();
    Pod first = cluster.pods("default", "app=kubia").get(0);
    String name = "pod/default/" + first.metadata().nameOrEmpty();
    assertThat(same.found()).isEqualTo(name + ", then " + name);

    cluster.exec("frontend", "curl", "-s", "http://" + ips.get(1) + ":8080");
    assertThat(check("last request answered by a different pod than the one before").passed()).isTrue();
  }

  @Test
  void theSamePodAnsweredWhenTheLastTwoRequestsReachedOnePod() {
    assertThat(check("last request answered by the same pod as the one before").found()).isEqualTo("no request sent yet");
    List<String> ips = kubiaPodIps();
    cluster.exec("frontend", "curl", "-s", "http://" + ips.get(0) + ":8080");
    assertThat(check("last request answered by the same pod as the one before").found()).isEqualTo("one request sent");
    cluster.exec("frontend", "curl", "-s", "http://" + ips.get(0) + ":8080");
    assertThat(check("last request answered by the same pod as the one before").passed()).isTrue();

    cluster.exec("frontend", "curl", "-s", "http://" + ips.get(1) + ":8080");
    assertThat(check("last request answered by the same pod as the one before").passed()).isFalse();
    cluster.exec("frontend", "curl", "-s", "http://nobody");
    CheckResult refused = check("last request answered by the same pod as the one before");
    assertThat(refused.passed()).as("a refused request was answered by no pod").isFalse();
    assertThat(refused.found()).endsWith(", then no pod");
  }

  @Test
  void curlProbesAnswerOrAreDeniedWithoutBecomingTheLastRequest() {
    cluster.exec("frontend", "curl", "-s", "http://nobody");
    int traced = cluster.traces().size();

    assertThat(check("curl other http://kubia answers").passed()).isTrue();
    assertThat(check("curl default/other http://kubia is denied").found()).startsWith("answered (ANSWERED by pod/default/kubia-");
    denyAllIngress();
    java.time.Duration before = cluster.now();
    assertThat(check("curl other http://kubia is denied").passed()).isTrue();
    assertThat(cluster.now()).as("the probe's time is the request's own, not the cluster's").isEqualTo(before);
    assertThat(check("curl frontend http://kubia answers").line())
        .isEqualTo("✗ curl frontend http://kubia answers (found timed out (POLICY_DENIED by networkpolicy/default/default-deny-ingress))");
    assertThat(check("curl frontend http://nobody is denied").found()).isEqualTo("refused (NO_ENDPOINTS by service/default/nobody)");
    assertThat(check("curl ghost http://kubia answers").passed()).isFalse();

    assertThat(cluster.traces()).as("the probes are not the student's requests").hasSize(traced);
    assertThat(check("last request refused").passed()).isTrue();
  }

  @Test
  void reachabilityChecksEveryPairOfPodsTheNamesAndSelectorsStandFor() {
    assertThat(check("reachability 8080 default: other -> app=kubia allowed").passed()).isTrue();
    assertThat(check("reachability 8080 default: other -> frontend denied").passed())
        .as("nothing listens on the client's 8080").isTrue();
    denyAllIngress();
    cluster.apply(BuiltInLabs.file("netpol", "allow-frontend.yaml").orElseThrow());

    assertThat(check("reachability 8080 default: frontend -> app=kubia allowed").passed()).isTrue();
    assertThat(check("reachability 8080 default: other -> app=kubia denied").passed()).isTrue();
    CheckResult wrong = check("reachability 8080 default: other -> app=kubia allowed");
    assertThat(wrong.passed()).isFalse();
    assertThat(wrong.found()).matches("default/other -> default/kubia-\\w{5} not connected: CLIENT_TIMEOUT by "
        + "networkpolicy/default/allow-frontend: .*");
    assertThat(check("reachability 8080 default: other -> app=nope denied").found()).isEqualTo("no pod matches app=nope");
  }
}
