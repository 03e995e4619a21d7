package dev.kubesim.impl.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.KubectlResult;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl kustomize DIR} and {@code -k DIR} of apply, get, create and delete, with a lab's
 * files: a base and a dev overlay (namespace, prefix, labels, image tag, a generated ConfigMap the
 * Deployment reads through envFrom, a replica count, a strategic merge patch).
 */
class KustomizeCommandTest {
  private final KubectlFixture k = new KubectlFixture();
  private final Map<String, String> files = new TreeMap<>();

  KustomizeCommandTest() {
    files.put("base/kustomization.yaml", """
        resources:
        - deployment.yaml
        - service.yaml
        configMapGenerator:
        - name: web-config
          literals:
          - GREETING=hello
        """);
    files.put("base/deployment.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
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
                image: nginx:1.25
                envFrom:
                - configMapRef:
                    name: web-config
        """);
    files.put("base/service.yaml", """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - port: 80
        """);
    files.put("overlays/dev/kustomization.yaml", """
        namespace: dev
        namePrefix: dev-
        labels:
        - pairs:
            env: dev
          includeSelectors: true
        resources:
        - namespace.yaml
        - ../../base
        images:
        - name: nginx
          newTag: "1.27"
        replicas:
        - name: web
          count: 2
        configMapGenerator:
        - name: web-config
          behavior: merge
          literals:
          - GREETING=hello from dev
        patches:
        - path: limits.yaml
        """);
    files.put("overlays/dev/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n");
    files.put("overlays/dev/limits.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: web
                resources:
                  limits:
                    memory: 128Mi
        """);
  }

  private KubectlResult run(String line) {
    return k.kubectl.run(line, "", name -> Optional.ofNullable(files.get(name)));
  }

  @Test
  void kustomizePrintsTheBuild() {
    KubectlResult r = run("kubectl kustomize overlays/dev");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout()).startsWith("""
        apiVersion: v1
        kind: Namespace
        metadata:
          labels:
            env: dev
          name: dev
        ---
        apiVersion: v1
        data:
          GREETING: hello from dev
        kind: ConfigMap
        metadata:
          labels:
            env: dev
          name: dev-web-config-dkdmbbc729
          namespace: dev
        ---
        """);
    assertThat(r.stdout()).contains("        image: nginx:1.27\n", "  replicas: 2\n",
        "            name: dev-web-config-dkdmbbc729\n", "            memory: 128Mi\n");
  }

  @Test
  void applyKRunsTheOverlaysPodsWithTheGeneratedEnvironment() {
    KubectlResult r = run("kubectl apply -k overlays/dev");
    assertThat(r.output()).isEqualTo("""
        namespace/dev created
        configmap/dev-web-config-dkdmbbc729 created
        service/dev-web created
        deployment.apps/dev-web created
        """);
    String pods = run("kubectl get pods -n dev -l app=web,env=dev -o name").stdout();
    assertThat(pods.lines()).hasSize(2);
    for (String pod : pods.lines().toList()) {
      assertThat(run("kubectl get " + pod + " -n dev -o jsonpath={.status.phase}").stdout()).isEqualTo("Running");
      assertThat(run("kubectl get " + pod + " -n dev -o jsonpath={.spec.containers[0].image}").stdout())
          .isEqualTo("nginx:1.27");
      assertThat(run("kubectl exec -n dev " + pod.substring("pod/".length()) + " -- printenv GREETING").stdout())
          .isEqualTo("hello from dev\n");
    }
    assertThat(run("kubectl apply -k overlays/dev").output()).isEqualTo("""
        namespace/dev unchanged
        configmap/dev-web-config-dkdmbbc729 unchanged
        service/dev-web unchanged
        deployment.apps/dev-web unchanged
        """);
    assertThat(run("kubectl get -k overlays/dev -o name").stdout()).isEqualTo("""
        namespace/dev
        configmap/dev-web-config-dkdmbbc729
        service/dev-web
        deployment.apps/dev-web
        """);
    assertThat(run("kubectl delete -k overlays/dev").stdout()).isEqualTo("""
        namespace "dev" deleted
        configmap "dev-web-config-dkdmbbc729" deleted
        service "dev-web" deleted
        deployment.apps "dev-web" deleted
        """);
  }

  @Test
  void createKCreatesTheBase() {
    assertThat(run("kubectl create -k base").output()).isEqualTo("""
        configmap/web-config-f655md8fbd created
        service/web created
        deployment.apps/web created
        """);
  }

  @Test
  void errorsAreKubectlsAndKustomizes() {
    assertThat(run("kubectl apply -k base -f x.yaml").output())
        .isEqualTo("error: only one of -f or -k can be specified\n");
    assertThat(run("kubectl apply -k nowhere").output()).isEqualTo("error: unable to find one of 'kustomization.yaml',"
        + " 'kustomization.yml' or 'Kustomization' in directory 'nowhere'\n");
    assertThat(run("kubectl kustomize base/service.yaml").output())
        .isEqualTo("error: must build at directory: 'base/service.yaml': file is not directory\n");
    assertThat(run("kubectl kustomize a b").output()).isEqualTo("error: specify one path to kustomization.yaml\n");
    assertThat(run("kubectl apply").output()).isEqualTo("error: must specify one of -f and -k\n");
    assertThat(run("kubectl apply -k https://github.com/org/app//deploy?ref=v1").output())
        .isEqualTo("error: 'https://github.com/org/app//deploy?ref=v1' is a remote kustomization: kubesim's kustomize"
            + " reads local files only; clone it and give its local directory\n");
    assertThat(run("kubectl apply -k base -R").output())
        .isEqualTo("error: the '--recursive' flag is unsupported with the '-k' flag\n");
  }

  @Test
  void deprecatedFieldsWarnOnStandardError() {
    files.put("old/kustomization.yaml", "bases:\n- ../base\n");
    KubectlResult r = run("kubectl kustomize old");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).isEqualTo("# Warning: 'bases' is deprecated. Please use 'resources' instead. Run 'kustomize"
        + " edit fix' to update your Kustomization automatically.\n");
  }

  @Test
  void kustomizeWithoutADirectoryBuildsTheCurrentOne() {
    files.put("kustomization.yaml", "resources:\n- cm.yaml\ncommonAnnotations:\n  team: a\n");
    files.put("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    KubectlResult r = run("kubectl kustomize");
    assertThat(r.stdout()).isEqualTo("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          annotations:
            team: a
          name: c
        """);
  }
}
