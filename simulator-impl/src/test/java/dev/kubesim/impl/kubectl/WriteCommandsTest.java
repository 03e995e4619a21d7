package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import dev.kubesim.api.model.ReplicationController;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteCommandsTest {
  private final KubectlFixture k = new KubectlFixture();

  private static final String SVC = """
      apiVersion: v1
      kind: Service
      metadata: {name: kubia}
      spec: {selector: {app: kubia}, ports: [{port: 80, targetPort: 8080}]}
      """;

  private static final String RC = """
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: kubia, labels: {app: kubia}}
      spec:
        replicas: 3
        selector: {app: kubia}
        template:
          metadata: {labels: {app: kubia}}
          spec: {containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]}
      """;

  @Test
  void applyCreatesThenLeavesUnchangedThenConfigures() {
    assertThat(k.output("apply -f -", SVC)).isEqualTo("service/kubia created\n");
    assertThat(k.output("apply -f -", SVC)).isEqualTo("service/kubia unchanged\n");
    assertThat(k.output("apply -f -", SVC.replace("8080", "9090"))).isEqualTo("service/kubia configured\n");
    Service svc = k.cluster.get(Service.class, "default", "kubia").orElseThrow();
    assertThat(svc.specOrEmpty().ports().get(0).targetPort().orElseThrow().stringValue()).isEqualTo("9090");
    assertThat(svc.metadata().annotations()).containsKey("kubectl.kubernetes.io/last-applied-configuration");
  }

  private KubectlResult applyStdin(String yaml) {
    return k.run("apply -f -", yaml);
  }

  @Test
  void applyKeepsAllocatedValuesAndLabelsAddedByOthers() {
    applyStdin(SVC.replace("spec: {", "spec: {type: NodePort, "));
    int nodePort = k.cluster.get(Service.class, "default", "kubia").orElseThrow().specOrEmpty().ports().get(0).nodePort().orElseThrow();
    k.run("label svc kubia team=a");
    assertThat(applyStdin(SVC.replace("spec: {", "spec: {type: NodePort, ")).output()).isEqualTo("service/kubia unchanged\n");
    Service svc = k.cluster.get(Service.class, "default", "kubia").orElseThrow();
    assertThat(svc.specOrEmpty().ports().get(0).nodePort()).contains(nodePort);
    assertThat(svc.metadata().labels()).containsEntry("team", "a");
  }

  @Test
  void applyChangingTheTypeDropsWhatTheOldTypeAloneUsed() {
    String kiada = """
        apiVersion: v1
        kind: Service
        metadata: {name: kiada}
        spec: {type: %s, selector: {app: kiada}, ports: [{port: 80, targetPort: 8080}]}
        """;
    applyStdin(kiada.formatted("LoadBalancer"));
    int nodePort = k.cluster.get(Service.class, "default", "kiada").orElseThrow().specOrEmpty().ports().get(0).nodePort().orElseThrow();
    assertThat(applyStdin(kiada.formatted("NodePort")).output()).isEqualTo("service/kiada configured\n");
    Service np = k.cluster.get(Service.class, "default", "kiada").orElseThrow();
    assertThat(np.specOrEmpty().allocateLoadBalancerNodePorts()).isEmpty();
    assertThat(np.specOrEmpty().ports().get(0).nodePort()).contains(nodePort);
    assertThat(applyStdin(kiada.formatted("ClusterIP")).output()).isEqualTo("service/kiada configured\n");
    Service ip = k.cluster.get(Service.class, "default", "kiada").orElseThrow();
    assertThat(ip.specOrEmpty().ports().get(0).nodePort()).isEmpty();
    assertThat(ip.specOrEmpty().externalTrafficPolicy()).isEmpty();
    assertThat(k.output("get svc kiada")).matches("(?s).*kiada +ClusterIP +10\\.[0-9.]+ +<none> +80/TCP +.*");
  }

  @Test
  void applyPrintsTheApiServersWarningsOnStandardErrorOnceEach() {
    KubectlResult r = applyStdin("""
        apiVersion: v1
        kind: Pod
        metadata: {name: old}
        spec: {nodeSelector: {beta.kubernetes.io/os: linux}, containers: [{name: a, image: nginx}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: older}
        spec: {nodeSelector: {beta.kubernetes.io/os: linux}, containers: [{name: a, image: nginx}]}
        """);
    assertThat(r.stdout()).isEqualTo("pod/old created\npod/older created\n");
    assertThat(r.stderr()).isEqualTo(
        "Warning: spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use \"kubernetes.io/os\" instead\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void applyOfAnObjectCreatedWithoutApplyWarnsAboutTheAnnotation() {
    k.apply(SVC);
    KubectlResult r = applyStdin(SVC.replace("8080", "9090"));
    assertThat(r.stdout()).isEqualTo("service/kubia configured\n");
    assertThat(r.stderr()).startsWith("Warning: resource services/kubia is missing the kubectl.kubernetes.io/last-applied-configuration annotation");
  }

  @Test
  void applyReportsAnInvalidDocumentAndGoesOnWithTheNext() {
    KubectlResult r = applyStdin("""
        apiVersion: v1
        kind: Service
        metadata: {name: MyService}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        ---
        """ + SVC);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("service/kubia created\n");
    assertThat(r.stderr()).startsWith("The Service \"MyService\" is invalid: metadata.name: Invalid value: \"MyService\"");
  }

  @Test
  void applyReadsTheFilesOfAFolder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a-svc.yaml"), SVC);
    Files.writeString(dir.resolve("b-svc.yml"), SVC.replace("kubia", "other"));
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    Files.createDirectory(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/c.yaml"), SVC.replace("kubia", "nested"));
    assertThat(k.output("apply -f " + dir)).isEqualTo("service/kubia created\nservice/other created\n");
    assertThat(k.output("apply -R -f " + dir)).isEqualTo("service/kubia unchanged\nservice/other unchanged\nservice/nested created\n");
  }

  @Test
  void applyOfAMissingFileSaysThePathDoesNotExist() {
    KubectlResult r = k.run("apply -f /nonexistent/x.yaml");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("error: the path \"/nonexistent/x.yaml\" does not exist\n");
  }

  @Test
  void createOfAnExistingObjectSaysAlreadyExistsNamingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("kubia-svc.yaml");
    Files.writeString(file, SVC);
    assertThat(k.output("create -f " + file)).isEqualTo("service/kubia created\n");
    KubectlResult r = k.run("create -f " + file);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Error from server (AlreadyExists): error when creating \"" + file
        + "\": services \"kubia\" already exists\n");
  }

  @Test
  void createGeneratesNamespacesAndDeployments() {
    assertThat(k.output("create namespace shop")).isEqualTo("namespace/shop created\n");
    assertThat(k.output("create deployment kubia --image=luksa/kubia --replicas=2 -n shop")).isEqualTo("deployment.apps/kubia created\n");
    assertThat(k.output("get deploy -n shop -o name")).isEqualTo("deployment.apps/kubia\n");
  }

  @Test
  void exposeDerivesSelectorAndPortsFromAReplicationController() {
    k.apply(RC);
    assertThat(k.output("expose rc kubia --port=80 --target-port=8080")).isEqualTo("service/kubia exposed\n");
    Service svc = k.cluster.get(Service.class, "default", "kubia").orElseThrow();
    assertThat(svc.specOrEmpty().selector()).containsExactlyEntriesOf(java.util.Map.of("app", "kubia"));
    assertThat(svc.metadata().labels()).containsEntry("app", "kubia");
    ServicePort port = svc.specOrEmpty().ports().get(0);
    assertThat(port.port()).contains(80);
    assertThat(port.targetPort().orElseThrow().stringValue()).isEqualTo("8080");
    assertThat(port.protocol()).contains("TCP");
  }

  @Test
  void exposeWithoutPortUsesTheContainerPortsAndNamesThemWhenSeveral() {
    k.apply(RC);
    k.run("expose rc kubia --name=one --type=NodePort");
    Service one = k.cluster.get(Service.class, "default", "one").orElseThrow();
    assertThat(one.specOrEmpty().typeOrDefault()).isEqualTo("NodePort");
    assertThat(one.specOrEmpty().ports().get(0).port()).contains(8080);
    assertThat(one.specOrEmpty().ports().get(0).name()).isEmpty();
    k.apply(RC.replace("ports: [{containerPort: 8080}]", "ports: [{containerPort: 8080}, {containerPort: 8443}]").replace("name: kubia,", "name: two,"));
    k.run("expose rc two");
    Service two = k.cluster.get(Service.class, "default", "two").orElseThrow();
    assertThat(two.specOrEmpty().ports()).extracting(p -> p.name().orElse("")).containsExactly("port-1", "port-2");
  }

  @Test
  void exposeOfExistingServiceSaysAlreadyExists() {
    k.apply(SVC);
    KubectlResult r = k.run("expose service kubia --port=8080");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).isEqualTo("Error from server (AlreadyExists): services \"kubia\" already exists\n");
  }

  @Test
  void exposeOfAPodWithoutLabelsIsRefused() {
    k.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: bare}
        spec: {containers: [{name: app, image: nginx, ports: [{containerPort: 80}]}]}
        """);
    assertThat(k.run("expose pod bare").stderr()).isEqualTo("error: the pod has no labels and cannot be exposed\n");
  }

  @Test
  void scaleChangesReplicasAndHonoursTheCurrentReplicasPrecondition() {
    k.apply(RC);
    assertThat(k.output("scale rc kubia --replicas=1")).isEqualTo("replicationcontroller/kubia scaled\n");
    assertThat(k.cluster.get(ReplicationController.class, "default", "kubia").orElseThrow().specOrEmpty().replicas()).contains(1);
    KubectlResult r = k.run("scale rc kubia --current-replicas=3 --replicas=2");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("error: Expected replicas to be 3, was 1\n");
    assertThat(k.run("scale rc kubia").stderr()).isEqualTo("Error: required flag(s) \"replicas\" not set\nSee 'kubectl scale --help' for usage.\n");
  }

  @Test
  void labelRefusesToOverwriteWithoutTheFlag() {
    k.apply(SVC);
    assertThat(k.output("label svc kubia app=kubia")).isEqualTo("service/kubia labeled\n");
    KubectlResult r = k.run("label svc kubia app=other");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("error: 'app' already has a value (kubia), and --overwrite is false\n");
    assertThat(k.output("label svc kubia app=other --overwrite")).isEqualTo("service/kubia labeled\n");
    assertThat(k.output("label svc/kubia app=other")).isEqualTo("service/kubia not labeled\n");
    assertThat(k.output("label svc kubia app- tier=web")).isEqualTo("service/kubia label(s) changed\n");
    assertThat(k.output("label svc kubia tier-")).isEqualTo("service/kubia unlabeled\n");
    assertThat(k.cluster.get(Service.class, "default", "kubia").orElseThrow().metadata().labels()).doesNotContainKey("app");
  }

  @Test
  void annotateSetsAndRemovesAnnotations() {
    k.apply(SVC);
    assertThat(k.output("annotate svc kubia team=payments 'note=hello world'")).isEqualTo("service/kubia annotated\n");
    assertThat(k.cluster.get(Service.class, "default", "kubia").orElseThrow().metadata().annotations())
        .containsEntry("note", "hello world");
    assertThat(k.output("annotate svc kubia note-")).isEqualTo("service/kubia annotated\n");
    assertThat(k.run("annotate svc kubia").stderr()).startsWith("error: at least one annotation update is required");
  }

  @Test
  void deleteByNamePrintsTheSingularKind() {
    k.apply(SVC);
    assertThat(k.output("delete svc kubia")).isEqualTo("service \"kubia\" deleted\n");
    assertThat(k.output("delete svc kubia")).isEqualTo("Error from server (NotFound): services \"kubia\" not found\n");
    assertThat(k.output("delete svc kubia --ignore-not-found")).isEmpty();
  }

  @Test
  void deleteAllAndBySelector() {
    k.apply(SVC);
    k.apply(SVC.replace("name: kubia", "name: other, labels: {x: y}"));
    assertThat(k.output("delete svc -l x=y")).isEqualTo("service \"other\" deleted\n");
    assertThat(k.run("delete svc").stderr()).isEqualTo("error: resource(s) were provided, but no name was specified\n");
    assertThat(k.output("delete svc --all -n kube-public")).isEqualTo("No resources found\n");
    assertThat(k.output("delete ingress,svc --all")).isEqualTo("service \"kubernetes\" deleted\nservice \"kubia\" deleted\n");
  }

  @Test
  void deleteNamesGroupQualifiedKinds() {
    k.apply("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: x}
        spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
        """);
    assertThat(k.output("delete ing x --cascade=orphan")).isEqualTo("ingress.networking.k8s.io \"x\" deleted\n");
    assertThat(k.run("delete ing x --cascade=sideways").stderr())
        .isEqualTo("error: invalid cascade value (sideways). Must be \"background\", \"foreground\", or \"orphan\".\n");
  }
}
