package dev.kubesim.impl.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.Pod;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.impl.cluster.SimCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ingress-nginx installed from a manifest of the shape its kind provider publishes, without the
 * add-on: the controller image's pod starts the controller, whose flags decide what it serves and
 * publishes; its admission Jobs' program makes and patches the webhook's certificate.
 */
class IngressNginxFromManifestTest {
  private final SimCluster cluster = (SimCluster) KubeSim.cluster().nodes(3).seed(5).build();

  @AfterEach
  void close() {
    cluster.close();
  }

  /** The controller Deployment, its Services and class, with these extra controller flags. */
  private static String controller(String... flags) {
    StringBuilder args = new StringBuilder();
    for (String f : flags) {
      args.append("        - ").append(f).append('\n');
    }
    return """
        apiVersion: v1
        kind: Namespace
        metadata: {name: ingress-nginx}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
        spec:
          type: LoadBalancer
          selector: {app.kubernetes.io/component: controller}
          ports:
          - {name: http, port: 80, targetPort: http}
          - {name: https, port: 443, targetPort: https}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
        spec:
          selector: {matchLabels: {app.kubernetes.io/component: controller}}
          template:
            metadata: {labels: {app.kubernetes.io/component: controller}}
            spec:
              containers:
              - name: controller
                image: registry.k8s.io/ingress-nginx/controller:v1.15.1
                args:
                - /nginx-ingress-controller
                - --controller-class=k8s.io/ingress-nginx
                - --ingress-class=nginx
        %s        env:
                - name: POD_NAMESPACE
                  valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
                ports:
                - {name: http, containerPort: 80, hostPort: 80}
                - {name: https, containerPort: 443, hostPort: 443}
                readinessProbe:
                  httpGet: {path: /healthz, port: 10254}
        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata: {name: nginx}
        spec: {controller: k8s.io/ingress-nginx}
        """.formatted(args);
  }

  private static final String APP = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, labels: {app: web}}
      spec:
        containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {selector: {app: web}, ports: [{port: 80}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web}
      spec:
        rules:
        - host: example.com
          http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      """;

  private ExecResult curlFromOutside(String address) {
    return cluster.external().exec("curl", "-s", "-H", "Host: example.com", "http://" + address + "/");
  }

  private String ingressAddress() {
    return cluster.kubectl("get ingress web -o jsonpath={.status.loadBalancer.ingress}").stdout();
  }

  private String controllerNodeAddress() {
    Pod pod = cluster.list(Pod.class, "ingress-nginx").get(0);
    String node = pod.spec().flatMap(PodSpec::nodeName).orElseThrow();
    return cluster.kubectl("get node " + node + " -o jsonpath={.status.addresses[0].address}").stdout();
  }

  @Test
  void aControllerPodFromAManifestServesClasslessIngressesAndPublishesItsStatusAddress() {
    cluster.apply(controller("--watch-ingress-without-class=true", "--publish-status-address=localhost"));
    cluster.apply(APP);
    cluster.advance(Duration.ofSeconds(30));

    assertThat(cluster.ingressController()).isPresent();
    assertThat(cluster.kubectl("get ingress web").stdout()).contains("localhost");
    assertThat(ingressAddress()).isEqualTo("[{\"hostname\":\"localhost\"}]");
    // the controller's hostPort on its node, and its LoadBalancer Service
    assertThat(curlFromOutside(controllerNodeAddress()).stdout()).contains("Welcome to nginx!");
    String lb = cluster.kubectl("get svc -n ingress-nginx ingress-nginx-controller "
        + "-o jsonpath={.status.loadBalancer.ingress[0].ip}").stdout();
    assertThat(curlFromOutside(lb).stdout()).contains("Welcome to nginx!");
  }

  @Test
  void withoutWatchIngressWithoutClassAClasslessIngressIsNotServed() {
    cluster.apply(controller("--publish-status-address=localhost"));
    cluster.apply(APP);
    cluster.advance(Duration.ofSeconds(30));

    assertThat(ingressAddress()).isEmpty();
    assertThat(curlFromOutside(controllerNodeAddress()).stdout()).contains("404 Not Found");
  }

  @Test
  void withNeitherPublishFlagTheIngressGetsTheAddressesOfTheControllersNodes() {
    cluster.apply(controller("--watch-ingress-without-class=true"));
    cluster.apply(APP);
    cluster.advance(Duration.ofSeconds(30));

    assertThat(ingressAddress()).isEqualTo("[{\"ip\":\"" + controllerNodeAddress() + "\"}]");
  }

  @Test
  void withPublishServiceTheIngressGetsTheServicesLoadBalancerAddress() {
    cluster.apply(controller("--watch-ingress-without-class=true",
        "--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller"));
    cluster.apply(APP);
    cluster.advance(Duration.ofSeconds(30));

    String lb = cluster.kubectl("get svc -n ingress-nginx ingress-nginx-controller "
        + "-o jsonpath={.status.loadBalancer.ingress[0].ip}").stdout();
    assertThat(ingressAddress()).isEqualTo("[{\"ip\":\"" + lb + "\"}]");
  }

  @Test
  void theAdmissionProgramCreatesTheCertificateSecretOnceAndPatchesTheWebhook() {
    cluster.apply("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: ingress-nginx}
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: {name: ingress-nginx-admission}
        webhooks:
        - name: validate.nginx.ingress.kubernetes.io
          admissionReviewVersions: [v1]
          sideEffects: None
          clientConfig:
            service: {name: ingress-nginx-controller-admission, namespace: ingress-nginx, path: /networking/v1/ingresses}
        """);
    String image = "registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6.9";
    String create = " -- create --host=admission,admission.ingress-nginx.svc --namespace=ingress-nginx "
        + "--secret-name=ingress-nginx-admission";
    cluster.kubectl("run create -n ingress-nginx --restart=Never --image=" + image + create);
    cluster.advance(Duration.ofSeconds(20));
    assertThat(cluster.kubectl("logs -n ingress-nginx create").stdout())
        .matches("\\{\"level\":\"info\",\"msg\":\"creating new secret\",\"time\":\"[-0-9T:]+Z\"}\n");
    GenericObject secret = (GenericObject) cluster.get("Secret", "ingress-nginx", "ingress-nginx-admission").orElseThrow();
    assertThat(new java.util.TreeSet<Object>(((Map<?, ?>) secret.content().get("data")).keySet()))
        .containsExactly("ca", "cert", "key");

    cluster.kubectl("run again -n ingress-nginx --restart=Never --image=" + image + create);
    cluster.kubectl("run patch -n ingress-nginx --restart=Never --image=" + image + " -- patch "
        + "--webhook-name=ingress-nginx-admission --namespace=ingress-nginx --patch-mutating=false "
        + "--secret-name=ingress-nginx-admission --patch-failure-policy=Fail");
    cluster.advance(Duration.ofSeconds(20));

    assertThat(cluster.kubectl("logs -n ingress-nginx again").stdout()).contains("\"msg\":\"secret already exists\"");
    assertThat(cluster.kubectl("get pods -n ingress-nginx").stdout()).containsPattern("patch +0/1 +Completed");
    GenericObject webhook = (GenericObject) cluster.get("ValidatingWebhookConfiguration", "", "ingress-nginx-admission").orElseThrow();
    Map<?, ?> hook = (Map<?, ?>) ((List<?>) webhook.content().get("webhooks")).get(0);
    assertThat(((Map<?, ?>) hook.get("clientConfig")).get("caBundle"))
        .isEqualTo(((Map<?, ?>) secret.content().get("data")).get("ca"));
    assertThat(hook.get("failurePolicy")).isEqualTo("Fail");
  }

  @Test
  void patchingWithoutTheSecretEndsFatallyWithExitCodeOne() {
    cluster.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: ingress-nginx}\n");
    cluster.kubectl("run patch -n ingress-nginx --restart=Never --image=registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6.9"
        + " -- patch --webhook-name=w --namespace=ingress-nginx --secret-name=missing");
    cluster.advance(Duration.ofSeconds(20));

    assertThat(cluster.kubectl("logs -n ingress-nginx patch").stdout())
        .contains("\"level\":\"fatal\",\"msg\":\"no secret with 'missing' in 'ingress-nginx'\"");
    assertThat(cluster.kubectl("get pod -n ingress-nginx patch").stdout()).contains("Error");
  }
}
