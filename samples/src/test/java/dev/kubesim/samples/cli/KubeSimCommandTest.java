package dev.kubesim.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeSimCommandTest {
  private record Run(int exitCode, String output) {}

  private static Run run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = KubeSimCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(code, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void builtInLabWalksTheChapterAndEndsWell() {
    Run lab = run("lab", "kubia");
    assertThat(lab.exitCode()).as("every check of the lab passed").isZero();
    assertThat(lab.output())
        .startsWith("# Kubernetes in Action, chapter 5: Services.\n\n5.1, Introducing Services. ")
        .contains("$ kubectl get po\n")
        .contains("✓ service default/kubia has 3 ready endpoints\n")
        .contains("Task: Expose the kubia pods to clients outside the cluster on port 30123 of every node: a NodePort\n"
            + "      Service named kubia-nodeport, port 80 to the pods' port 8080.\n\n"
            + "$ kubectl create -f kubia-svc-nodeport.yaml\nservice/kubia-nodeport created\n\n"
            + "✓ service default/kubia-nodeport is NodePort 80:30123/TCP\n")
        .contains("✓ last request answered by the same pod as the one before\n")
        .doesNotContain("✗")
        .contains("$ kubectl create -f kubia-rc.yaml\nreplicationcontroller/kubia created\n")
        .containsPattern("curl -s http://kubia\nYou've hit kubia-[bcdfghjklmnpqrstvwxz2456789]{5}\n")
        .contains("3 packets transmitted, 0 received, 100% packet loss")
        .containsPattern("(?m)^kubia {3,}10\\.244\\.\\d+\\.\\d+:8080,")
        .contains("replicationcontroller/kubia scaled");
  }

  @Test
  void builtInLabShowsServiceDiscovery() {
    String out = run("lab", "kubia").output();
    // The pods started before the Service have no KUBIA_ variables; their replacements have them.
    int delete = out.indexOf("$ kubectl delete po --all\n");
    assertThat(delete).isPositive();
    assertThat(out.substring(0, delete)).doesNotContainPattern("(?m)^KUBIA_");
    assertThat(out.substring(delete))
        .containsPattern("(?m)^KUBIA_SERVICE_HOST=10\\.\\d+\\.\\d+\\.\\d+\nKUBIA_SERVICE_PORT=80\n");
    assertThat(out)
        .containsPattern("(?m)^external-service +ExternalName +<none> +api\\.somecompany\\.com +80/TCP ")
        .contains("$ kubectl exec dnsutils -- nslookup external-service\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n"
            + "external-service.default.svc.cluster.local\tcanonical name = api.somecompany.com.\n")
        .containsPattern("-- curl -s http://external-service\ncommand terminated with exit code 6\n")
        .containsPattern("(?m)^kubia-headless +ClusterIP +None +<none> +80/TCP ");
    // One ready pod of three: the headless name has one A record, kubia-all (publishNotReadyAddresses) three.
    assertThat(addresses(out, "kubia-headless")).hasSize(1);
    assertThat(addresses(out, "kubia-all")).hasSize(3).contains(addresses(out, "kubia-headless").get(0));
  }

  @Test
  void builtInLabExposesTheServiceToAClientOutsideTheCluster() {
    String out = run("lab", "kubia").output();
    String hit = "You've hit kubia-[bcdfghjklmnpqrstvwxz2456789]{5}\n";
    assertThat(out)
        .containsPattern("(?m)^kubia-nodeport +NodePort +10\\.[\\d.]+ +<none> +80:30123/TCP ")
        .containsPattern("\\$ curl -s http://192\\.168\\.49\\.2:30123\n" + hit)
        .containsPattern("\\$ curl -sS -m 2 http://10\\.[\\d.]+\ncurl: \\(28\\) Connection timed out after 2000 milliseconds\n")
        .containsPattern("(?m)^kubia-loadbalancer +LoadBalancer +10\\.[\\d.]+ +172\\.18\\.255\\.2\\d\\d +80:3\\d{4}/TCP ")
        .containsPattern("\\$ curl -s http://172\\.18\\.255\\.2\\d\\d\n" + hit)
        .containsPattern("(?m)^kubia +nginx +kubia\\.example\\.com +172\\.18\\.255\\.2\\d\\d +80 ")
        .containsPattern("-H \"Host: kubia\\.example\\.com\" http://172\\.18\\.255\\.2\\d\\d\n" + hit)
        .contains("<head><title>404 Not Found</title></head>");
    // The traces of the outside requests: the node's rules, the cloud's load balancer, nginx's decision.
    assertThat(out)
        .contains("from outside the cluster (203.0.113.2)")
        .containsPattern("cloud +load balancer +DNAT ")
        .containsPattern("ingress-nginx +PROXY .*ingress default/kubia rule 0 -> service default/kubia-nodeport:80");
  }

  @Test
  void builtInLabFollowsTheNotesOrder() {
    String out = run("lab", "kubia").output();
    List<String> steps = List.of(
        "$ kubectl create -f kubia-svc.yaml\n",
        "$ kubectl get po\n",
        "-- curl -s http://10.",
        "$ kubectl apply -f kubia-svc-client-ip-session-affinity.yaml\n",
        "$ kubectl delete po --all\n",
        "-- curl -s http://kubia.default.svc.cluster.local\n",
        "$ kubectl create -f backend-database.yaml\n",
        "-- bash\nroot@",
        "$ kubectl describe svc kubia\n",
        "$ kubectl get endpoints kubia\n",
        "$ kubectl create -f kubia-svc-nodeport.yaml\n",
        "$ kubectl create -f kubia-svc-loadbalancer.yaml\n",
        "$ kubectl create -f kubia-ingress.yaml\n");
    int at = -1;
    for (String step : steps) {
      int next = out.indexOf(step, at + 1);
      assertThat(next).as("%s after the step before it", step).isGreaterThan(at);
      at = next;
    }
  }

  @Test
  void builtInLabReachesTheBackendDatabaseByItsFqdnAndItsShortName() {
    String out = run("lab", "kubia").output();
    String answer = "backend-database-[bcdfghjklmnpqrstvwxz2456789]{8,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\n";
    assertThat(out)
        .contains("$ kubectl create -f backend-database.yaml\ndeployment.apps/backend-database created\n"
            + "service/backend-database created\n")
        .containsPattern("(?m)^backend-database +ClusterIP +10\\.[\\d.]+ +<none> +5432/TCP ")
        .containsPattern("-- curl -s http://backend-database\\.default\\.svc\\.cluster\\.local:5432/hostname\n" + answer)
        .containsPattern("-- curl -s http://backend-database:5432/hostname\n" + answer + "\n\\$ trace\n"
            + "trace: curl -s http://backend-database:5432/hostname in pod default/kubia-[a-z0-9]{5}\n")
        .contains("A? backend-database.default.svc.cluster.local.")
        .containsPattern("result: DELIVERED by pod/default/backend-database-[a-z0-9-]+: HTTP/1.1 200 OK "
            + "via Service port default/backend-database\n");
  }

  @Test
  void builtInLabRunsAShellInAPodAsTheBookDoes() {
    String out = run("lab", "kubia").output();
    Matcher m = Pattern.compile("\\$ kubectl exec -it (kubia-[a-z0-9]{5}) -- bash\n").matcher(out);
    assertThat(m.find()).isTrue();
    String prompt = "root@" + m.group(1) + ":/# ";
    String hit = "You've hit kubia-[bcdfghjklmnpqrstvwxz2456789]{5}\n";
    String session = out.substring(m.end());
    assertThat(session).containsPattern("\\A" + Pattern.quote(prompt + "curl http://kubia.default.svc.cluster.local\n") + hit
        + Pattern.quote(prompt + "curl http://kubia.default\n") + hit
        + Pattern.quote(prompt + "curl http://kubia\n") + hit
        + Pattern.quote(prompt + "cat /etc/resolv.conf\n"
            + "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n"));
    assertThat(session).containsPattern(Pattern.quote(prompt + "ping kubia\n")
        + "PING kubia\\.default\\.svc\\.cluster\\.local \\(10\\.[\\d.]+\\) 56\\(84\\) bytes of data\\.\n\\^C\n"
        + "--- kubia\\.default\\.svc\\.cluster\\.local ping statistics ---\n"
        + "3 packets transmitted, 0 received, 100% packet loss, time 2000ms\n\n"
        + Pattern.quote(prompt + "exit\nexit\ncommand terminated with exit code 1\n\n$ trace\ntrace: ping kubia in pod default/")
        + ".*\n(?s).*is a ClusterIP \\(Service range 10\\.96\\.0\\.0/12\\): a virtual address");
  }

  @Test
  void theShellCommandTypesLinesIntoAContainersShellUntilItsExit(@TempDir Path dir) throws IOException {
    Path pod = dir.resolve("box.yaml");
    Files.writeString(pod, "apiVersion: v1\nkind: Pod\nmetadata: {name: box}\n"
        + "spec: {containers: [{name: box, image: busybox, command: [sleep, infinity]}]}\n");
    String typed = "create -f " + pod + "\nexec -it box -- sh\ncd /etc\necho inside $PWD\nexit\nget pod box -o name\nexit\n"
        + "get pods\n";
    java.io.InputStream stdin = System.in;
    Run shell;
    try {
      System.setIn(new java.io.ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
      shell = run("shell");
    } finally {
      System.setIn(stdin);
    }

    assertThat(shell.exitCode()).isZero();
    assertThat(shell.output()).endsWith("$ kubectl exec -it box -- sh\n"
        + "/ # cd /etc\n"
        + "/etc # echo inside $PWD\n"
        + "inside /etc\n"
        + "/etc # exit\n"
        + "\n"
        + "$ kubectl get pod box -o name\n"
        + "pod/box\n\n");
  }

  /** The addresses nslookup printed for a name in the lab. */
  private static List<String> addresses(String lab, String name) {
    String start = "$ kubectl exec dnsutils -- nslookup " + name + "\n";
    int from = lab.indexOf(start);
    assertThat(from).as("nslookup %s in the lab", name).isNotNegative();
    String block = lab.substring(from + start.length(), lab.indexOf("\n\n\n", from));
    Matcher m = Pattern
        .compile("Name:\t" + Pattern.quote(name) + "\\.default\\.svc\\.cluster\\.local\nAddress: (\\S+)").matcher(block);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameLabByteForByte() {
    assertThat(run("lab", "kubia", "--seed", "7").output()).isEqualTo(run("lab", "kubia", "--seed", "7").output());
  }

  @Test
  void runExecutesAScriptWithManifestsBesideIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("web.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
        """);
    Files.writeString(dir.resolve("lab.txt"), "# a tiny lab\ncreate -f web.yaml\nadvance 30s\nkubectl get svc web\n");
    Run result = run("run", dir.resolve("lab.txt").toString());
    assertThat(result.exitCode()).isZero();
    assertThat(result.output())
        .contains("$ kubectl create -f web.yaml\nservice/web created\n")
        .containsPattern("(?m)^web {3,}ClusterIP {3,}10\\.\\d+\\.\\d+\\.\\d+ {3,}<none> {3,}80/TCP {3,}3\\ds$");
  }

  @Test
  void runTakesTheAddonsItIsGiven(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("lab.txt"), "kubectl get svc -n ingress-nginx -o name\n");
    Run with = run("run", "--addons", "coredns,ingress-nginx", dir.resolve("lab.txt").toString());
    assertThat(with.output()).contains("service/ingress-nginx-controller\n");
    Run without = run("run", "--addons=coredns", dir.resolve("lab.txt").toString());
    assertThat(without.output()).doesNotContain("service/ingress-nginx-controller");
    Run unknown = run("run", "--addons", "istio", dir.resolve("lab.txt").toString());
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.output()).contains("unknown add-on \"istio\"");
  }

  @Test
  void unknownCommandsAndLabsSayWhatExists() {
    assertThat(run("nope").exitCode()).isEqualTo(2);
    Run lab = run("lab", "nope");
    assertThat(lab.exitCode()).isEqualTo(1);
    assertThat(lab.output()).contains("no built-in lab \"nope\" and no such file; known: kubia");
  }

  @Test
  void reachabilityAppliesTheManifestsAndPrintsTheMatrix(@TempDir Path dir) throws IOException {
    Path manifests = dir.resolve("app.yaml");
    Files.writeString(manifests, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop, labels: {app: api}}
        spec:
          containers: [{name: api, image: nginx, ports: [{containerPort: 80}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: shop, labels: {role: client}}
        spec:
          containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from: [{podSelector: {matchLabels: {role: client}}}]
        """);

    Run r = run("reachability", "80/TCP", manifests.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.output()).isEqualTo("""
        -           shop/api shop/client shop/web
        shop/api    -        .           X
        shop/client .        -           .
        shop/web    .        .           -
        """);
  }

  @Test
  void reachabilityNeedsAPort() {
    Run r = run("reachability", "eighty");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).startsWith("kubesim: reachability takes PORT[/PROTOCOL]");
  }

  @Test
  void networkPolicyLabDeniesThenAdmitsTheFrontend() {
    Run lab = run("lab", "netpol");

    assertThat(lab.exitCode()).isZero();
    String out = lab.output();
    assertThat(out).containsPattern("\\$ kubectl exec other -- curl -s --max-time 2 http://kubia\n"
        + "command terminated with exit code 28\n");
    assertThat(out).containsPattern("filter FORWARD +DROP .*\\(NetworkPolicy default/default-deny-ingress isolates "
        + "default/kubia-[a-z0-9]{5} for ingress and no rule admits TCP 10\\.244\\.\\d+\\.\\d+ -> default/kubia-[a-z0-9]{5}:8080\\)");
    assertThat(out).containsPattern("\\$ kubectl exec frontend -- curl -s http://kubia\nYou've hit kubia-[a-z0-9]{5}\n");
    assertThat(out).containsPattern("default/frontend -> default/kubia-[a-z0-9]{5} 8080/TCP: \\. connected");
    assertThat(out).containsPattern("default/other -> default/kubia-[a-z0-9]{5} 8080/TCP: X CLIENT_TIMEOUT by "
        + "networkpolicy/default/allow-frontend");
    assertThat(out).as("the task is shown solved, its checks passing")
        .contains("Task: Make the frontend, and only the frontend, reach the kubia pods on 8080.\n\n"
            + "$ kubectl apply -f allow-frontend.yaml\nnetworkpolicy.networking.k8s.io/allow-frontend created\n\n"
            + "✓ reachability 8080 default: frontend -> app=kubia allowed\n"
            + "✓ reachability 8080 default: other -> app=kubia denied\n")
        .doesNotContain("✗");
  }
}
