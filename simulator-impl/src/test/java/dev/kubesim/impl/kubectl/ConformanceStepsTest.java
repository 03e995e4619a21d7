package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.Service;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code kubectl:} steps of the shared conformance scenarios that need no running pods, with
 * their regular expressions copied verbatim (references such as {@code ${svc:default/web}}
 * replaced as the runner replaces them).
 */
class ConformanceStepsTest {
  private final KubectlFixture k = new KubectlFixture();

  private String svc(String name) {
    return Pattern.quote(k.cluster.get(Service.class, "default", name).orElseThrow().specOrEmpty().clusterIP().orElseThrow());
  }

  private int nodePort(String name) {
    return k.cluster.get(Service.class, "default", name).orElseThrow().specOrEmpty().ports().get(0).nodePort().orElseThrow();
  }

  private void expect(String command, int exitCode, String regex) {
    KubectlResult r = k.run(command);
    assertThat(r.exitCode()).as("exit code of kubectl %s (seed %s)", command, KubectlFixture.SEED).isEqualTo(exitCode);
    assertThat(Pattern.compile(regex).matcher(r.output()).find())
        .as("output of kubectl %s (seed %s):%n%s%ndoes not match%n%s", command, KubectlFixture.SEED, r.output(), regex).isTrue();
  }

  /** api/kubectl-services.yaml. */
  @Test
  void getServicesOfEachType() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-np}
        spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ext}
        spec: {type: ExternalName, externalName: db.example.com}
        """);
    expect("get svc web", 0, "\\ANAME {3,}TYPE {3,}CLUSTER-IP {3,}EXTERNAL-IP {3,}PORT\\(S\\) {3,}AGE\nweb {3,}ClusterIP {3,}"
        + svc("web") + " {3,}<none> {3,}80/TCP {3,}[0-9]+[smhdy]([0-9]+[smhd])?\n\\z");
    expect("get svc web-np", 0, "\\ANAME {3,}TYPE {3,}CLUSTER-IP {3,}EXTERNAL-IP {3,}PORT\\(S\\) {3,}AGE\nweb-np {3,}NodePort {3,}"
        + svc("web-np") + " {3,}<none> {3,}80:" + nodePort("web-np") + "/TCP {3,}[0-9]+[smhdy]([0-9]+[smhd])?\n\\z");
    expect("get svc ext", 0, "\\ANAME {3,}TYPE {3,}CLUSTER-IP {3,}EXTERNAL-IP {3,}PORT\\(S\\) {3,}AGE\next {3,}ExternalName {3,}<none> {3,}"
        + "db\\.example\\.com {3,}<none> {3,}[0-9]+[smhdy]([0-9]+[smhd])?\n\\z");
  }

  /** api/kubectl-age.yaml. */
  @Test
  void ageInVirtualTime() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: aging}
        spec: {selector: {app: aging}, ports: [{port: 80}]}
        """);
    k.cluster.advance(Duration.ofSeconds(150));
    expect("get svc aging", 0, "\\ANAME {3,}TYPE {3,}CLUSTER-IP {3,}EXTERNAL-IP {3,}PORT\\(S\\) {3,}AGE\naging {3,}ClusterIP {3,}"
        + svc("aging") + " {3,}<none> {3,}80/TCP {3,}2m[3-5][0-9]s\n\\z");
  }

  /** api/service-defaults.yaml and api/ingress.yaml. */
  @Test
  void missingObjectsAndExistingNames() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        """);
    expect("expose service web --port=8080", 1, "(?m)^Error from server \\(AlreadyExists\\): services \"web\" already exists$");
    expect("get svc nope", 1, "(?m)^Error from server \\(NotFound\\): services \"nope\" not found$");
    expect("get ingress nope", 1, "(?m)^Error from server \\(NotFound\\): ingresses\\.networking\\.k8s\\.io \"nope\" not found$");
  }

  /** api/kubectl-ingress.yaml. */
  @Test
  void ingressWithoutController() {
    StringBuilder rules = new StringBuilder();
    for (String host : new String[] {"a", "b", "c", "d"}) {
      rules.append("  - host: ").append(host).append(".example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n"
          + "        backend:\n          service:\n            name: web\n            port: {number: 80}\n");
    }
    k.apply("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop}\nspec:\n  tls:\n  - hosts: [a.example.com]\n"
        + "    secretName: shop-tls\n  rules:\n" + rules);
    expect("get ingress shop", 0, "\\ANAME {3,}CLASS {3,}HOSTS {3,}ADDRESS {3,}PORTS {3,}AGE\nshop {3,}<none> {3,}a\\.example\\.com,"
        + "b\\.example\\.com,c\\.example\\.com \\+ 1 more\\.\\.\\. {3,}80, 443 {3,}[0-9]+[smhdy]([0-9]+[smhd])?\n\\z");
  }

  private String pod(String name) {
    return Pattern.quote(k.cluster.get(Pod.class, "default", name).orElseThrow().status().orElseThrow().podIP().orElseThrow());
  }

  /** api/kubectl-rc.yaml: the ReplicationController manager seen through kubectl. */
  @Test
  void replicationControllerThroughKubectl() {
    k.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kubia-manual, labels: {app: kubia}}
        spec: {containers: [{name: app, image: luksa/kubia, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: kubia}
        spec:
          replicas: 3
          selector: {app: kubia}
          template:
            metadata:
              labels: {app: kubia}
            spec:
              containers:
              - name: kubia
                image: luksa/kubia
                ports:
                - {containerPort: 8080}
        """);
    String row = " {3,}1/1 {3,}Running {3,}0 {3,}[0-9]+[smhdy]([0-9]+[smhd])?\\n";
    String gen = "kubia-[bcdfghjklmnpqrstvwxz2456789]{5}";
    expect("get pods", 0, "\\ANAME {3,}READY {3,}STATUS {3,}RESTARTS {3,}AGE\\n(kubia-(manual|[bcdfghjklmnpqrstvwxz2456789]{5})" + row
        + "){2}kubia-(manual|[bcdfghjklmnpqrstvwxz2456789]{5})" + row + "\\z");
    expect("get rc kubia", 0, "\\ANAME {3,}DESIRED {3,}CURRENT {3,}READY {3,}AGE\\nkubia {3,}3 {3,}3 {3,}3 {3,}[0-9]+[smhdy]([0-9]+[smhd])?\\n\\z");
    k.cluster.delete("Pod", "default", "kubia-manual");
    k.cluster.advance(Duration.ofSeconds(60));
    expect("get pods", 0, "\\ANAME {3,}READY {3,}STATUS {3,}RESTARTS {3,}AGE\\n(" + gen + row + "){2}" + gen + row + "\\z");
    expect("get pod kubia-manual", 1, "(?m)^Error from server \\(NotFound\\): pods \"kubia-manual\" not found$");
    expect("scale rc kubia --replicas=1", 0, "\\Areplicationcontroller/kubia scaled\\n\\z");
    k.cluster.advance(Duration.ofSeconds(60));
    expect("get pods", 0, "\\ANAME {3,}READY {3,}STATUS {3,}RESTARTS {3,}AGE\\n" + gen + row + "\\z");
    expect("get rc kubia", 0, "\\ANAME {3,}DESIRED {3,}CURRENT {3,}READY {3,}AGE\\nkubia {3,}1 {3,}1 {3,}1 {3,}[0-9]+[smhdy]([0-9]+[smhd])?\\n\\z");
    expect("describe rc kubia", 0, "(?m)^Replicas: {2,}1 current / 1 desired\\nPods Status: {2,}1 Running / 0 Waiting / 0 Succeeded / 0 Failed$");
  }

  /** api/kubectl-endpoints.yaml: two ready pods, ip:port lists and describe svc from EndpointSlices. */
  @Test
  void endpointsAndDescribeService() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: kubia, labels: {app: kubia, tier: web}}
        spec: {selector: {app: kubia}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: kubia-a, labels: {app: kubia}}
        spec: {containers: [{name: app, image: luksa/kubia, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: kubia-b, labels: {app: kubia}}
        spec: {containers: [{name: app, image: luksa/kubia, ports: [{containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: lonely}
        spec: {selector: {app: nobody}, ports: [{port: 80}]}
        """);
    String a = pod("kubia-a");
    String b = pod("kubia-b");
    expect("get endpoints kubia", 0, "(?m)^NAME {3,}ENDPOINTS {3,}AGE\\nkubia {3,}(" + a + ":8080," + b + ":8080|" + b + ":8080," + a
        + ":8080) {3,}[0-9]+[smhdy]([0-9]+[smhd])?$");
    expect("get endpoints lonely", 0, "(?m)^NAME {3,}ENDPOINTS {3,}AGE\\nlonely {3,}<none> {3,}[0-9]+[smhdy]([0-9]+[smhd])?$");
    expect("describe svc kubia", 0, "\\AName: {2,}kubia\\nNamespace: {2,}default\\nLabels: {2,}app=kubia\\n {2,}tier=web\\n"
        + "Annotations: {2,}<none>\\nSelector: {2,}app=kubia\\nType: {2,}ClusterIP\\nIP Family Policy: {2,}SingleStack\\n"
        + "IP Families: {2,}IPv4\\nIP: {2,}" + svc("kubia") + "\\nIPs: {2,}" + svc("kubia") + "\\nPort: {2,}<unset> {2,}80/TCP\\n"
        + "TargetPort: {2,}8080/TCP\\nEndpoints: {2,}(" + a + ":8080," + b + ":8080|" + b + ":8080," + a + ":8080)\\n"
        + "Session Affinity: {2,}None\\nInternal Traffic Policy: {2,}Cluster\\nEvents: {2,}<none>\\n\\z");
  }
}
