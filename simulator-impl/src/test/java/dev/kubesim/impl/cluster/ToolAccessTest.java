package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubesim.api.BadRequestException;
import dev.kubesim.api.Cluster;
import dev.kubesim.api.DnsRecord;
import dev.kubesim.api.DnsResponse;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.Libc;
import dev.kubesim.api.NameResolution;
import dev.kubesim.api.NetfilterDecision;
import dev.kubesim.api.NodeHandle;
import dev.kubesim.api.NotFoundException;
import dev.kubesim.api.OpeningPacket;
import dev.kubesim.api.RunningPod;
import dev.kubesim.api.TerminalKubectl;
import dev.kubesim.api.TerminalShell;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.program.HttpRequest;
import dev.kubesim.api.trace.Disposition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the public API offers tools beside tests ({@link Cluster#runningPod}, the node's own clients
 * on {@link NodeHandle}, {@link Cluster#kubectlAtTerminal}, {@link Cluster#getJson}): the conformance
 * runner, the lab runner and the benchmarks use these instead of the engine's classes.
 */
class ToolAccessTest {
  private static final long SEED = 7;
  private static final String KUBIA_IP = "10.96.10.10";

  private final Cluster cluster = KubeSim.cluster().seed(SEED).nodes(2).build();

  ToolAccessTest() {
    cluster.apply("""
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: kubia}
        spec:
          replicas: 2
          selector: {app: kubia}
          template:
            metadata: {labels: {app: kubia}}
            spec: {containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kubia}
        spec: {clusterIP: 10.96.10.10, selector: {app: kubia}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec: {containers: [{name: app, image: luksa/kubia, env: [{name: GREETING, value: hi}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: box}
        spec: {containers: [{name: box, image: busybox, command: [sleep, infinity]}]}
        """);
    cluster.awaitReady(Duration.ofMinutes(2));
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aRunningPodShowsWhatItsProcessesSee() {
    RunningPod web = cluster.runningPod("web");
    assertThat(web.namespace()).as("seed %d", SEED).isEqualTo("default");
    assertThat(web.name()).isEqualTo("web");
    assertThat(web.node()).isEqualTo(cluster.get(Pod.class, "default", "web").orElseThrow().specOrEmpty().nodeName().orElseThrow());
    assertThat(web.env("")).containsEntry("GREETING", "hi").containsEntry("KUBIA_SERVICE_HOST", KUBIA_IP);
    assertThat(web.env("app")).isEqualTo(web.env(""));
    assertThat(web.resolvConf().nameservers()).containsExactly("10.96.0.10");
    assertThat(web.resolvConf().searches()).containsExactly("default.svc.cluster.local", "svc.cluster.local", "cluster.local");
    assertThat(web.resolvConf().options()).containsExactly("ndots:5");

    RunningPod box = cluster.runningPod("default/box");
    assertThat(box.canExec("", List.of("wget", "-qO-", "http://kubia"))).isTrue();
    assertThat(box.canExec("box", List.of("no-such-program"))).isFalse();
    assertThatThrownBy(() -> box.env("nope")).isInstanceOf(BadRequestException.class);
  }

  @Test
  void aRunningPodResolvesAndQueriesAsItsResolverWould() {
    RunningPod web = cluster.runningPod("web");
    NameResolution glibc = web.resolve("kubia", Libc.GLIBC);
    assertThat(glibc.tried()).as("seed %d", SEED).containsExactly("kubia.default.svc.cluster.local.");
    assertThat(glibc.address()).contains(KUBIA_IP);
    assertThat(glibc.rcode()).contains("NOERROR");
    NameResolution musl = web.resolve("nope", Libc.MUSL);
    assertThat(musl.address()).isEmpty();
    assertThat(musl.rcode()).contains("NXDOMAIN");

    Optional<DnsResponse> answer = web.queryDns("kubia.default.svc.cluster.local.", "A");
    assertThat(answer).contains(new DnsResponse("NOERROR",
        List.of(new DnsRecord("kubia.default.svc.cluster.local.", "A", 30, KUBIA_IP))));
    assertThat(cluster.node("node-2").queryDns("kubia.default.svc.cluster.local.", "A")).isEqualTo(answer);
  }

  @Test
  void aPodThatDoesNotExistOrRunsNowhereIsRefused() {
    assertThatThrownBy(() -> cluster.runningPod("ghost")).isInstanceOf(NotFoundException.class);
    cluster.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: nowhere}
        spec: {nodeName: no-such-node, containers: [{name: a, image: busybox}]}
        """);
    assertThatThrownBy(() -> cluster.runningPod("nowhere")).as("seed %d", SEED).isInstanceOf(BadRequestException.class);
  }

  @Test
  void aNodeShowsItsRulesAndDecidesAPacket() {
    NodeHandle node = cluster.node("node-1");
    assertThat(node.iptablesSave()).as("seed %d", SEED).contains("*nat").contains("KUBE-SERVICES").contains(KUBIA_IP);

    NetfilterDecision d = node.netfilter(new OpeningPacket("TCP", node.ip(), 0, KUBIA_IP, 80));
    List<String> endpoints = cluster.service("default", "kubia").readyAddresses().stream().map(e -> e + ":8080").toList();
    assertThat(d.verdict()).isEqualTo(NetfilterDecision.Verdict.DNAT);
    assertThat(d.backends()).hasSize(2).containsExactlyInAnyOrderElementsOf(endpoints);
    assertThat(node.netfilter(new OpeningPacket("TCP", node.ip(), 0, "10.96.99.99", 80)).verdict())
        .isEqualTo(NetfilterDecision.Verdict.NO_MATCH);
  }

  @Test
  void aNodeSendsAnHttpRequestFromItsOwnHost() {
    HttpResult r = cluster.node("node-2").http(HttpRequest.get("http://" + KUBIA_IP + "/"));
    assertThat(r.status()).as("seed %d", SEED).isEqualTo(200);
    assertThat(r.answeredBy().map(o -> o.kind())).contains("pod");
    assertThat(r.trace().disposition().kind()).isEqualTo(Disposition.Kind.DELIVERED);
    assertThat(r.body()).startsWith("You've hit kubia-");

    HttpResult unresolved = cluster.node("node-2").http(HttpRequest.get("http://kubia.default.svc.cluster.local/"));
    assertThat(unresolved.responded()).isFalse();
    assertThat(unresolved.exitCode()).isEqualTo(6);
    assertThatThrownBy(() -> cluster.node("node-1").http(HttpRequest.get("/no-host")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kubectlAtATerminalAttachesAShellAndSaysWhatAnExecSent() {
    TerminalKubectl get = cluster.kubectlAtTerminal("kubectl get pods", name -> Optional.empty());
    assertThat(get.result().succeeded()).as("seed %d", SEED).isTrue();
    assertThat(get.trace()).isEmpty();
    assertThat(get.attached()).isEmpty();

    TerminalKubectl exec = cluster.kubectlAtTerminal("exec web -- curl -s http://kubia", name -> Optional.empty());
    assertThat(exec.result().stdout()).startsWith("You've hit kubia-");
    assertThat(exec.trace()).isPresent();

    TerminalKubectl it = cluster.kubectlAtTerminal("exec -it web -- bash", name -> Optional.empty());
    TerminalShell shell = it.attached().orElseThrow();
    assertThat(shell.prompt()).isEqualTo("root@web:/# ");
    TerminalShell.Typed typed = shell.type("curl -s http://kubia");
    assertThat(typed.screen()).startsWith("You've hit kubia-");
    assertThat(typed.trace()).isPresent();
    shell.type("exit 3");
    assertThat(shell.isOpen()).isFalse();
    assertThat(shell.closing().exitCode()).isEqualTo(3);
    assertThat(shell.closing().stderr()).isEqualTo("command terminated with exit code 3\n");
    assertThatThrownBy(() -> shell.type("echo")).isInstanceOf(IllegalStateException.class);

    TerminalKubectl apply = cluster.kubectlAtTerminal("apply -f extra.yaml", name -> name.equals("extra.yaml")
        ? Optional.of("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n") : Optional.empty());
    assertThat(apply.result().stdout()).isEqualTo("configmap/extra created\n");
  }

  @Test
  void anObjectAsJson() {
    assertThat(cluster.getJson("Service", "default", "kubia").orElseThrow())
        .as("seed %d", SEED).startsWith("{").contains("\"clusterIP\":\"" + KUBIA_IP + "\"");
    assertThat(cluster.getJson("Service", "default", "nope")).isEmpty();
  }
}
