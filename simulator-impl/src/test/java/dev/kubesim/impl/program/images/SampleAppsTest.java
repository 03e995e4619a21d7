package dev.kubesim.impl.program.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.HttpResult;
import dev.kubesim.api.KubeSim;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sample apps of kubernetes.io's and GKE's tutorials, answering as their sources do. */
class SampleAppsTest {
  private static final long SEED = 11;

  /** A cluster where these kubectl lines ran, with a curl pod named client, everything ready. */
  private static Cluster clusterWith(String... lines) {
    Cluster cluster = KubeSim.cluster().seed(SEED).build();
    for (String line : lines) {
      cluster.kubectl(line);
    }
    cluster.kubectl("run client --image=curlimages/curl --command -- sleep infinity");
    cluster.awaitReady(Duration.ofMinutes(2));
    return cluster;
  }

  @Test
  void gkesHelloAppAnswersWithItsVersionAndHostnameAndLogsEachRequest() {
    try (Cluster cluster = clusterWith("create deployment hello-server --image=us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0",
        "expose deployment hello-server --port=80 --target-port=8080 --type=LoadBalancer")) {

      HttpResult r = cluster.http("client", "http://hello-server/");
      String pod = r.answeredBy().orElseThrow().name();
      assertThat(r.body()).as("seed %d", SEED).isEqualTo("Hello, world!\nVersion: 2.0.0\nHostname: " + pod + "\n");
      assertThat(r.header("Content-Type")).contains("text/plain; charset=utf-8");
      assertThat(cluster.kubectl("logs " + pod).stdout())
          .matches("(?s)\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d Server listening on port 8080\n"
              + "\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d Serving request: /\n");
    }
  }

  @Test
  void serveHostnameOfTheDebugServicesTaskAnswersWithThePodsHostnameOnPort9376() {
    try (Cluster cluster = clusterWith("create deployment hostnames --image=registry.k8s.io/serve_hostname --replicas=3",
        "expose deployment hostnames --port=80 --target-port=9376",
        "run bb --image=gcr.io/google-containers/busybox --command -- sleep 3600")) {

      HttpResult r = cluster.http("client", "http://hostnames/");
      String pod = r.answeredBy().orElseThrow().name();
      assertThat(r.body()).as("seed %d", SEED).isEqualTo(pod); // fmt.Fprintf(w, "%s", hostname): no newline
      assertThat(cluster.kubectl("logs " + pod).stdout())
          .matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d Serving on port 9376.\n"
              + "\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d HTTP request from 10\\.244\\.\\d+\\.\\d+:\\d+\n");
      // Kubernetes' copy of busybox is BusyBox, with its wget
      assertThat(cluster.kubectl("exec bb -- wget -qO- hostnames").stdout()).startsWith("hostnames-");
      assertThat(cluster.kubectl("exec bb -- wget -qO- hostnames:81").stderr()).contains("wget: can't connect to remote host");
      // its BusyBox is of 2014: nslookup asks the C library, which follows the search path
      assertThat(cluster.kubectl("exec bb -- nslookup hostnames.default").stdout())
          .contains("Name:      hostnames.default\nAddress 1: ").contains(" hostnames.default.svc.cluster.local\n");
    }
  }

  @Test
  void standaloneServeHostnameReadsGoFlagsAndRefusesHttpWithTcp() {
    try (Cluster cluster = clusterWith("run raw --image=registry.k8s.io/serve_hostname -- -tcp -http=false -port 7000")) {
      cluster.kubectl("run both --image=registry.k8s.io/serve_hostname -- -tcp");
      cluster.advance(Duration.ofSeconds(10));
      String ip = cluster.get(dev.kubesim.api.model.Pod.class, "default", "raw").orElseThrow()
          .status().orElseThrow().podIP().orElseThrow();

      assertThat(cluster.kubectl("exec client -- sh -c 'nc " + ip + " 7000 </dev/null'").stdout()).isEqualTo("raw");
      assertThat(cluster.kubectl("logs both").stdout()).endsWith(" Can't server TCP/UDP mode and HTTP mode at the same time\n");
    }
  }

  @Test
  void thePhpApacheOfTheAutoscalingWalkthroughAnswersOk() {
    try (Cluster cluster = clusterWith("create deployment php-apache --image=registry.k8s.io/hpa-example",
        "expose deployment php-apache --port=80")) {

      HttpResult r = cluster.http("client", "http://php-apache/");
      assertThat(r.body()).as("seed %d", SEED).isEqualTo("OK!");
      assertThat(r.header("X-Powered-By")).contains("PHP/5.6.18");
      assertThat(cluster.http("client", "http://php-apache/nope").status()).isEqualTo(404);
      assertThat(cluster.kubectl("run -i --rm load --image=busybox:1.28 --restart=Never -- "
          + "/bin/sh -c 'for i in 1 2 3; do wget -q -O- http://php-apache; done'").stdout()).startsWith("OK!OK!OK!");
    }
  }

  @Test
  void theHelloFrontendPassesRequestsToTheHelloBackendService() {
    try (Cluster cluster = clusterWith("create deployment backend --image=gcr.io/google-samples/hello-go-gke:1.0 --replicas=3",
        "expose deployment backend --name=hello --port=80",
        "create deployment frontend --image=gcr.io/google-samples/hello-frontend:1.0",
        "expose deployment frontend --port=80 --type=LoadBalancer")) {

      HttpResult r = cluster.http("client", "http://frontend/");
      assertThat(r.body()).as("seed %d", SEED).isEqualTo("{\"message\":\"Hello\"}\n");
      assertThat(r.header("Server")).contains("nginx/1.19.2");
      cluster.kubectl("delete svc hello");
      assertThat(cluster.http("client", "http://frontend/").status()).as("no upstream: nginx's 502").isEqualTo(502);
    }
  }

  @Test
  void helloAppListensOnThePortItsEnvironmentNames() {
    try (Cluster cluster = KubeSim.cluster().seed(SEED).build()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: hello}
          spec:
            containers:
            - name: hello
              image: gcr.io/google-samples/hello-app:1.0
              env: [{name: PORT, value: "9090"}]
          """);
      cluster.kubectl("run client --image=curlimages/curl --command -- sleep infinity");
      cluster.awaitReady(Duration.ofMinutes(2));
      String ip = cluster.get(dev.kubesim.api.model.Pod.class, "default", "hello").orElseThrow()
          .status().orElseThrow().podIP().orElseThrow();

      assertThat(cluster.http("client", "http://" + ip + ":9090/x").body()).as("seed %d", SEED).startsWith("Hello, world!\nVersion: 1.0.0\n");
      assertThat(cluster.http("client", "http://" + ip + ":8080/").exitCode()).isEqualTo(7);
    }
  }

  @Test
  void nodeHelloSaysHelloKubernetes() {
    try (Cluster cluster = clusterWith("create deployment hello-world --image=gcr.io/google-samples/node-hello:1.0 --replicas=2 --port=8080",
        "expose deployment hello-world --type=LoadBalancer --name=my-service")) {

      assertThat(cluster.http("client", "http://my-service:8080/").body()).as("seed %d", SEED).isEqualTo("Hello Kubernetes!");
    }
  }

  @Test
  void echoserverShowsTheRequestItSawAsMinikubesHelloMinikubeDoes() {
    try (Cluster cluster = clusterWith("create deployment hello-minikube --image=registry.k8s.io/echoserver:1.10",
        "expose deployment hello-minikube --type=NodePort --port=8080")) {

      HttpResult r = cluster.http("client", "http://hello-minikube:8080/a?b=c");
      String pod = r.answeredBy().orElseThrow().name();
      String client = cluster.get(dev.kubesim.api.model.Pod.class, "default", "client").orElseThrow()
          .status().orElseThrow().podIP().orElseThrow();
      assertThat(r.body()).as("seed %d", SEED).startsWith("\n\nHostname: " + pod + "\n\n"
          + "Pod Information:\n\t-no pod information available-\n\n"
          + "Server values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\n"
          + "Request Information:\n\tclient_address=" + client + "\n\tmethod=GET\n\treal path=/a?b=c\n\tquery=b=c\n"
          + "\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://hello-minikube:8080/a?b=c\n\n"
          + "Request Headers:\n\taccept=*/*\n\thost=hello-minikube:8080\n\tuser-agent=curl/")
          .endsWith("\n\nRequest Body:\n\t-no body in request-\n\n");
      assertThat(cluster.kubectl("logs " + pod).stdout()).contains("\"GET /a?b=c HTTP/1.1\" 200 ");
    }
  }

  @Test
  void minikubesEchoServerNamesThePodAndEchoesTheRequestLineAndHeaders() {
    try (Cluster cluster = clusterWith("create deployment hello-minikube --image=kicbase/echo-server:1.0",
        "expose deployment hello-minikube --type=NodePort --port=8080")) {

      HttpResult r = cluster.http("client", "http://hello-minikube:8080/hello");
      String pod = r.answeredBy().orElseThrow().name();
      assertThat(r.body()).as("seed %d", SEED).matches("Request served by " + pod + "\n\nHTTP/1.1 GET /hello\n\n"
          + "Host: hello-minikube:8080\nAccept: \\*/\\*\nUser-Agent: curl/[0-9.]+\n");
      assertThat(r.header("Content-Type")).contains("text/plain");
      assertThat(cluster.kubectl("logs " + pod).stdout()).isEqualTo("Echo server listening on port 8080.\n");
    }
  }

  @Test
  void httpEchoAnswersWithItsTextAndExitsWithoutOne() {
    try (Cluster cluster = clusterWith()) {
      cluster.apply("""
          apiVersion: v1
          kind: Pod
          metadata: {name: foo-app, labels: {app: foo}}
          spec:
            containers: [{name: foo-app, image: "hashicorp/http-echo:0.2.3", args: ["-text=foo"]}]
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: foo-service}
          spec:
            selector: {app: foo}
            ports: [{port: 5678}]
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: mute}
          spec:
            containers: [{name: mute, image: "hashicorp/http-echo:0.2.3"}]
          """);
      cluster.advance(Duration.ofSeconds(30));

      HttpResult r = cluster.http("client", "http://foo-service:5678/anything");
      assertThat(r.body()).as("seed %d", SEED).isEqualTo("foo\n");
      assertThat(r.header("X-App-Name")).contains("http-echo");
      assertThat(r.header("X-App-Version")).contains("0.2.3");
      assertThat(cluster.kubectl("logs foo-app").stdout())
          .containsPattern("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d \\[INFO\\] server is listening on :5678\n")
          .contains(" foo-service:5678 ").contains(" \"GET /anything HTTP/1.1\" 200 4 \"curl/");
      assertThat(cluster.kubectl("logs mute").stdout()).isEqualTo("Missing -text option!\n");
      assertThat(cluster.kubectl("get pod mute --no-headers").stdout()).contains("CrashLoopBackOff");
    }
  }

  @Test
  void whoamiNamesItselfItsAddressesAndTheRequestAsGoWritesIt() {
    try (Cluster cluster = clusterWith("run whoami --image=traefik/whoami --port=80 --expose")) {
      HttpResult r = cluster.http("client", "http://whoami/?x=1");
      String pod = r.answeredBy().orElseThrow().name();
      String ip = cluster.get(dev.kubesim.api.model.Pod.class, "default", pod).orElseThrow()
          .status().orElseThrow().podIP().orElseThrow();
      assertThat(r.body()).as("seed %d", SEED).matches("Hostname: whoami\nIP: 127\\.0\\.0\\.1\nIP: ::1\nIP: " + ip.replace(".", "\\.")
          + "\nRemoteAddr: [0-9.]+:\\d+\nGET /\\?x=1 HTTP/1\\.1\r\nHost: whoami\r\nUser-Agent: curl/[0-9.]+\r\nAccept: \\*/\\*\r\n\r\n");
    }
  }
}
