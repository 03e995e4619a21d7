package dev.kubesim.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.HostShell;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.TerminalShell;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The terminal's shell on the host next to the cluster ({@link Cluster#hostShell}), with kubectl in it. */
class HostShellTest {
  private static final String MANIFESTS = """
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
      spec: {selector: {app: kubia}, ports: [{port: 80, targetPort: 8080}]}
      """;

  private final Cluster cluster = KubeSim.cluster().seed(11).nodes(2).build();
  private final HostShell shell = cluster.hostShell(name -> Optional.ofNullable(Map.of("kubia.yaml", MANIFESTS).get(name)));

  @AfterEach
  void close() {
    cluster.close();
  }

  private HostShell.Typed type(String line) {
    return shell.type(line);
  }

  @Test
  void aVariableSetFromKubectlsOutputNamesThePodInTheNextLine() {
    type("kubectl apply -f kubia.yaml");
    cluster.awaitReady(java.time.Duration.ofMinutes(2));
    String first = cluster.pods("default", "app=kubia").get(0).metadata().nameOrEmpty();

    assertThat(type("POD=$(kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}')").exitCode()).isZero();
    HostShell.Typed hostname = type("kubectl exec $POD -- hostname");

    assertThat(hostname.stdout()).isEqualTo(first + "\n");
    assertThat(type("echo \"$POD\"").stdout()).isEqualTo(first + "\n");
  }

  @Test
  void aLoopRunsKubectlForEachWordAndAPipeFiltersItsOutputOnTheHost() {
    type("kubectl apply -f kubia.yaml");
    cluster.awaitReady(java.time.Duration.ofMinutes(2));

    HostShell.Typed loop = type("for p in $(kubectl get pods -o name); do kubectl exec $p -- curl -s http://kubia; done");
    HostShell.Typed count = type("kubectl get pods --no-headers | grep -c Running");

    assertThat(loop.stdout().lines()).hasSize(2).allMatch(l -> l.startsWith("You've hit kubia-"));
    assertThat(loop.trace()).as("the last request's trace").isPresent();
    assertThat(count.stdout()).isEqualTo("2\n");
  }

  @Test
  void sleepLetsTheClustersTimePassBeforeTheNextCommandOfTheLine() {
    type("kubectl apply -f kubia.yaml");
    cluster.awaitReady(java.time.Duration.ofMinutes(2));
    java.time.Duration before = cluster.now();

    type("sleep 30 && kubectl get pods");

    assertThat(cluster.now().minus(before)).isEqualTo(java.time.Duration.ofSeconds(30));
  }

  @Test
  void kubectlReadsAManifestPipedIntoIt() {
    HostShell.Typed applied = type("printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: piped}\\ndata: {a: b}\\n' | kubectl apply -f -");

    assertThat(applied.stdout()).isEqualTo("configmap/piped created\n");
    assertThat(type("kubectl get cm piped -o jsonpath='{.data.a}'").stdout()).isEqualTo("b");
  }

  @Test
  void aFailingKubectlSetsTheStatusTheNextCommandSees() {
    HostShell.Typed failed = type("kubectl get pod nope || echo \"status $?\"");

    assertThat(failed.stderr()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
    assertThat(failed.stdout()).isEqualTo("status 1\n");
    assertThat(failed.exitCode()).isZero();
    assertThat(failed.screen()).as("as they came").isEqualTo(failed.stderr() + failed.stdout());
    assertThat(type("docker ps").stderr()).isEqualTo("bash: docker: command not found\n");
  }

  @Test
  void execItOfAShellAttachesItToTheTerminal() {
    type("kubectl apply -f kubia.yaml");
    cluster.awaitReady(java.time.Duration.ofMinutes(2));
    type("POD=$(kubectl get pods -o name | head -1)");

    HostShell.Typed exec = type("kubectl exec -it $POD -- sh");

    assertThat(exec.attached()).isPresent();
    TerminalShell attached = exec.attached().get();
    assertThat(attached.type("hostname").screen()).startsWith("kubia-");
    attached.endOfInput();
    assertThat(attached.isOpen()).isFalse();
  }

  @Test
  void theHostsKubectlRunsFromAnExternalClientToo() {
    ExecResult r = cluster.external().exec("kubectl", "get", "ns", "default", "-o", "name");

    assertThat(r.stdout()).isEqualTo("namespace/default\n");
    assertThat(cluster.external().exec("which", "kubectl", "curl", "nope").stdout())
        .isEqualTo("/usr/local/bin/kubectl\n/usr/bin/curl\n");
  }

  @Test
  void aHereDocumentTypedLineByLineIsAppliedWhenItsDelimiterComes() {
    assertThat(type("NAME=heredoc").exitCode()).isZero();
    HostShell.Typed opened = type("cat <<EOF | kubectl apply -f -");
    assertThat(shell.continuing()).isTrue();
    type("apiVersion: v1");
    type("kind: ConfigMap");
    type("metadata:");
    type("  name: $NAME");
    type("data:");
    type("  quoted: \"yes\"");
    HostShell.Typed applied = type("EOF");

    assertThat(opened.screen()).isEmpty();
    assertThat(shell.continuing()).isFalse();
    assertThat(applied.screen()).isEqualTo("configmap/heredoc created\n");
    assertThat(type("kubectl get cm heredoc -o jsonpath='{.data.quoted}'").stdout()).isEqualTo("yes");
  }

  @Test
  void aLineEndingInABackslashContinuesOnTheNextLine() {
    type("kubectl create configmap cont \\");
    assertThat(shell.continuing()).isTrue();
    HostShell.Typed created = type("  --from-literal=a=b");

    assertThat(created.stdout()).isEqualTo("configmap/cont created\n");
  }

  @Test
  void theEndOfInputRunsAnUnfinishedHereDocumentAsBashDoes() {
    type("cat <<'EOF'");
    type("$HOME stays");

    assertThat(shell.endOfInput().stdout()).isEqualTo("$HOME stays\n");
    assertThat(shell.continuing()).isFalse();
  }

  @Test
  void exitEndsTheShellAndTheNextLineGetsANewOne() {
    type("X=1");
    type("exit");

    assertThat(type("echo \"[$X]\"").stdout()).isEqualTo("[]\n");
  }

  @Test
  void aPortForwardInTheBackgroundLetsTheHostReachThePodOnLocalhost() {
    type("kubectl apply -f kubia.yaml");
    cluster.awaitReady(java.time.Duration.ofMinutes(2));

    HostShell.Typed started = type("kubectl port-forward svc/kubia 8080:80 &");
    HostShell.Typed curl = type("curl -s localhost:8080");

    assertThat(started.screen()).matches("\\[1\\] \\d+\n"
        + "Forwarding from 127.0.0.1:8080 -> 8080\nForwarding from \\[::1\\]:8080 -> 8080\n");
    assertThat(started.exitCode()).isZero();
    assertThat(curl.stdout()).startsWith("You've hit kubia-");
    assertThat(type("kubectl port-forward svc/kubia 8080:80 &").screen())
        .contains("Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create"
            + " listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error"
            + " listen tcp6 [::1]:8080: bind: address already in use]\n")
        .contains("error: unable to listen on any of the requested ports: [{8080 8080}]");
  }

  @Test
  void aPortForwardInTheForegroundHoldsTheTerminalUntilCtrlC() {
    type("kubectl apply -f kubia.yaml");
    cluster.awaitReady(java.time.Duration.ofMinutes(2));

    HostShell.Typed held = type("kubectl port-forward $(kubectl get pods -o name | head -1) 9090:8080");

    assertThat(held.screen()).isEqualTo("Forwarding from 127.0.0.1:9090 -> 8080\nForwarding from [::1]:9090 -> 8080\n^C\n");
    assertThat(held.exitCode()).isEqualTo(130);
    assertThat(type("curl -sS localhost:9090").stderr())
        .isEqualTo("curl: (7) Failed to connect to localhost port 9090 after 0 ms: Couldn't connect to server\n");
  }

  @Test
  void aBackgroundJobsVariablesStayInItsSubshell() {
    HostShell.Typed job = type("X=inside &");

    assertThat(job.screen()).matches("\\[1\\] \\d+\n");
    assertThat(type("echo \"[$X]\"").stdout()).isEqualTo("[]\n");
  }

  @Test
  void aManifestWrittenOnTheHostIsWhatKubectlReadsNext() {
    type("kubectl create configmap original --from-literal=a=b --dry-run=client -o yaml > cm.yaml");
    type("sed 's/original/copy/' cm.yaml > copy.yaml");

    assertThat(type("kubectl apply -f copy.yaml").stdout()).isEqualTo("configmap/copy created\n");
  }

  @Test
  void minikubesIpAndServiceUrlLeadToANodePort() {
    type("kubectl apply -f kubia.yaml");
    cluster.awaitReady(java.time.Duration.ofMinutes(2));
    type("kubectl expose rc kubia --name=kubia-http --type=NodePort --port=80 --target-port=8080");
    type("NODE_PORT=$(kubectl get svc kubia-http -o go-template='{{(index .spec.ports 0).nodePort}}')");

    assertThat(type("minikube ip").stdout()).isEqualTo("192.168.49.2\n");
    assertThat(type("curl -s http://\"$(minikube ip):$NODE_PORT\"").stdout()).startsWith("You've hit kubia-");
    assertThat(type("curl -s $(minikube service kubia-http --url)").stdout()).startsWith("You've hit kubia-");
    assertThat(type("minikube service kubia --url").stderr()).isEqualTo("😿  service default/kubia has no node port\n");
  }

  @Test
  void killOfABackgroundPortForwardClosesItsListener() {
    type("kubectl apply -f kubia.yaml");
    cluster.awaitReady(java.time.Duration.ofMinutes(2));
    type("kubectl port-forward svc/kubia 8080:80 &");

    assertThat(type("jobs").stdout()).isEqualTo("[1]+  Running                 kubectl port-forward svc/kubia 8080:80 &\n");
    assertThat(type("kill %1").exitCode()).isZero();
    assertThat(type("jobs").stdout()).isEmpty();
    assertThat(type("curl -s localhost:8080").exitCode()).isEqualTo(7);
    assertThat(type("kill %1").stderr()).isEqualTo("bash: kill: %1: no such job\n");
  }
}
