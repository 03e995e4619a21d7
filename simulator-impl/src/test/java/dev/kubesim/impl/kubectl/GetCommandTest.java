package dev.kubesim.impl.kubectl;

import static dev.kubesim.impl.kubectl.KubectlFixture.AGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.Service;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GetCommandTest {
  private final KubectlFixture k = new KubectlFixture();

  private String clusterIp(String name) {
    return k.cluster.get(Service.class, "default", name).orElseThrow().specOrEmpty().clusterIP().orElseThrow().replace(".", "\\.");
  }

  @Test
  void getSvcListsKubernetesServiceFirst() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: kubia}
        spec: {selector: {app: kubia}, ports: [{port: 80, targetPort: 8080}]}
        """);
    KubectlResult r = k.run("get svc");
    assertThat(r.exitCode()).isZero();
    assertThat(r.output()).matches("\\ANAME {3,}TYPE {3,}CLUSTER-IP {3,}EXTERNAL-IP {3,}PORT\\(S\\) {3,}AGE\n"
        + "kubernetes {3,}ClusterIP {3,}10\\.96\\.0\\.1 {3,}<none> {3,}443/TCP {3,}" + AGE + "\n"
        + "kubia {3,}ClusterIP {3,}" + clusterIp("kubia") + " {3,}<none> {3,}80/TCP {3,}" + AGE + "\n\\z");
  }

  @Test
  void nodePortServiceShowsPortColonNodePort() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: web-np}
        spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: 8080, nodePort: 30123}]}
        """);
    assertThat(k.output("get svc web-np")).matches("(?s).*\nweb-np {3,}NodePort {3,}" + clusterIp("web-np")
        + " {3,}<none> {3,}80:30123/TCP {3,}" + AGE + "\n\\z");
  }

  @Test
  void externalNameServiceHasNoClusterIpAndShowsTheName() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: ext}
        spec: {type: ExternalName, externalName: db.example.com}
        """);
    assertThat(k.output("get svc ext")).matches(
        "(?s).*\next {3,}ExternalName {3,}<none> {3,}db\\.example\\.com {3,}<none> {3,}" + AGE + "\n\\z");
  }

  @Test
  void getMissingServiceSaysNotFound() {
    KubectlResult r = k.run("get svc nope");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).isEqualTo("Error from server (NotFound): services \"nope\" not found\n");
  }

  @Test
  void missingIngressIsNamedWithItsGroup() {
    assertThat(k.output("get ingress nope"))
        .isEqualTo("Error from server (NotFound): ingresses.networking.k8s.io \"nope\" not found\n");
  }

  @Test
  void foundNamesPrintAndMissingOnesFailEachOnItsLine() {
    KubectlResult r = k.run("get svc kubernetes a b");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).startsWith("NAME ").contains("kubernetes ");
    assertThat(r.stderr()).isEqualTo("Error from server (NotFound): services \"a\" not found\n"
        + "Error from server (NotFound): services \"b\" not found\n");
  }

  @Test
  void aShortNameMayBeQualifiedWithVersionAndGroup() {
    k.run("create deployment web --image=nginx");
    assertThat(k.output("get deploy.v1.apps -o name")).isEqualTo("deployment.apps/web\n");
    assertThat(k.output("get hpa.v2.autoscaling")).isEqualTo("No resources found in default namespace.\n");
    assertThat(k.output("get deploy.v9.apps")).startsWith("error: the server doesn't have a resource type \"deploy.v9.apps\"");
  }

  @Test
  void emptyNamespaceSaysNoResourcesFoundOnStandardError() {
    KubectlResult r = k.run("get pods -n kube-public");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).isEqualTo("No resources found in kube-public namespace.\n");
  }

  @Test
  void allNamespacesAddsTheNamespaceColumn() {
    assertThat(k.output("get svc -A")).matches("(?s)\\ANAMESPACE {3,}NAME {3,}TYPE .*\ndefault {3,}kubernetes {3,}ClusterIP .*"
        + "\nkube-system {3,}kube-dns {3,}ClusterIP .*");
  }

  @Test
  void getAllShowsOneTablePerKind() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: kubia}
        spec: {ports: [{port: 80}]}
        """);
    String out = k.output("get all");
    assertThat(out).contains("NAME ", "service/kubernetes ", "service/kubia ");
    // every kind printed is its own table, and tables are separated by one blank line
    String[] tables = out.split("\n\n");
    for (String table : tables) {
      assertThat(table).startsWith("NAME ");
    }
  }

  @Test
  void severalKindsArePrefixedAndSeparatedByABlankLine() {
    String out = k.run("get svc,ep kubernetes").stdout();
    assertThat(out).matches("\\ANAME {3,}TYPE .*\nservice/kubernetes {3,}ClusterIP .*\n\nNAME {3,}ENDPOINTS {3,}AGE\n"
        + "endpoints/kubernetes {3,}192\\.168\\.49\\.2:6443 {3,}" + AGE + "\n\\z");
  }

  @Test
  void endpointsReadsWarnThatTheApiIsDeprecated() {
    assertThat(k.run("get ep").stderr())
        .isEqualTo("Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n");
  }

  @Test
  void typeSlashNameFormWorks() {
    assertThat(k.output("get svc/kubernetes -o name")).isEqualTo("service/kubernetes\n");
    assertThat(k.output("get deployment.apps -n kube-system -o name")).isEqualTo("deployment.apps/coredns\n");
  }

  @Test
  void selectorsFilterByLabels() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: a, labels: {tier: web, env: prod}}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b, labels: {tier: db}}
        spec: {ports: [{port: 80}]}
        """);
    assertThat(k.output("get svc -l tier=web -o name")).isEqualTo("service/a\n");
    assertThat(k.output("get svc -l 'tier in (web,db)' -o name")).isEqualTo("service/a\nservice/b\n");
    assertThat(k.output("get svc -l 'tier notin (web)',tier -o name")).isEqualTo("service/b\n");
    assertThat(k.output("get svc -l '!env' -o name")).isEqualTo("service/b\nservice/kubernetes\n");
    assertThat(k.output("get svc -l tier!=db,env -o name")).isEqualTo("service/a\n");
  }

  @Test
  void showLabelsAddsTheLabelsColumn() {
    assertThat(k.output("get svc kubernetes --show-labels"))
        .matches("\\ANAME .* AGE {3,}LABELS\nkubernetes .* component=apiserver,provider=kubernetes\n\\z");
  }

  @Test
  void noHeadersLeavesTheHeaderOut() {
    assertThat(k.output("get ns default --no-headers")).matches("\\Adefault {3,}Active {3,}" + AGE + "\n\\z");
  }

  @Test
  void ageFollowsTheVirtualClock() {
    k.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: aging}
        spec: {selector: {app: aging}, ports: [{port: 80}]}
        """);
    k.cluster.advance(Duration.ofSeconds(150));
    assertThat(k.output("get svc aging")).matches("(?s).*\naging {3,}ClusterIP .* {3,}80/TCP {3,}2m[3-5][0-9]s\n\\z");
  }

  @Test
  void ingressShowsClassHostsAddressAndPorts() {
    k.apply("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop}
        spec:
          tls:
          - hosts: [a.example.com]
            secretName: shop-tls
          rules:
          - host: a.example.com
            http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
          - host: b.example.com
            http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
          - host: c.example.com
            http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
          - host: d.example.com
            http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
        """);
    assertThat(k.output("get ingress shop")).matches("\\ANAME {3,}CLASS {3,}HOSTS {3,}ADDRESS {3,}PORTS {3,}AGE\n"
        + "shop {3,}<none> {3,}a\\.example\\.com,b\\.example\\.com,c\\.example\\.com \\+ 1 more\\.\\.\\. {3,}80, 443 {3,}" + AGE + "\n\\z");
  }

  @Test
  void nodesShowStatusRolesAndVersion() {
    assertThat(k.output("get no node-1")).matches("\\ANAME {3,}STATUS {3,}ROLES {3,}AGE {3,}VERSION\n"
        + "node-1 {3,}Ready {3,}<none> {3,}" + AGE + " {3,}v1\\.34\\.0\n\\z");
  }

  @Test
  void unknownResourceTypeIsReported() {
    KubectlResult r = k.run("get foos");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("error: the server doesn't have a resource type \"foos\"\n");
  }

  @Test
  void getWithoutATypeExplainsWhatIsMissing() {
    KubectlResult r = k.run("get");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("error: Required resource not specified.");
  }

  @Test
  void unsupportedOutputFormatSaysSo() {
    assertThat(k.run("get pods -o jsonpath-as-json={.items}").stderr())
        .isEqualTo("error: --output jsonpath-as-json is not supported by this simulator yet\n");
    assertThat(k.run("get pods -o bogus").stderr()).startsWith("error: unable to match a printer suitable for the output format \"bogus\"");
  }

  @Test
  void eventsWideShowTheSourceFirstSeenAndHowOftenAnEventCame() {
    k.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: waiting}
        spec:
          containers:
          - name: kubia
            image: luksa/kubia
            readinessProbe: {exec: {command: [ls, /var/ready]}, periodSeconds: 1}
        """);
    k.cluster.advance(Duration.ofSeconds(20));
    String wide = k.output("get events -o wide");
    assertThat(wide).as("seed %d", KubectlFixture.SEED)
        .containsPattern("\\ALAST SEEN +TYPE +REASON +OBJECT +SUBOBJECT +SOURCE +MESSAGE +FIRST SEEN +COUNT +NAME\\n")
        .containsPattern("\\n0s +Warning +Unhealthy +pod/waiting + kubelet, node-[0-9] +Readiness probe failed: .* +2[01]s +2[01] +waiting\\.[0-9a-f]+\\n");
    assertThat(k.output("describe pod waiting")).containsPattern("Warning +Unhealthy +0s \\(x2[01] over 2[01]s\\) +kubelet");
  }
}
