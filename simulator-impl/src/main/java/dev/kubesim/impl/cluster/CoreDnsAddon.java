package dev.kubesim.impl.cluster;

import dev.kubesim.api.model.Container;
import dev.kubesim.api.model.ContainerPort;
import dev.kubesim.api.model.Deployment;
import dev.kubesim.api.model.DeploymentSpec;
import dev.kubesim.api.model.DeploymentStrategy;
import dev.kubesim.api.model.GenericObject;
import dev.kubesim.api.model.HTTPGetAction;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.LabelSelector;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.PodSpec;
import dev.kubesim.api.model.PodTemplateSpec;
import dev.kubesim.api.model.Probe;
import dev.kubesim.api.model.RollingUpdateDeployment;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CoreDNS add-on as kubeadm installs it: the {@code coredns} ServiceAccount, the Corefile in
 * the {@code coredns} ConfigMap, a Deployment of two replicas and the {@code kube-dns} Service on
 * the tenth address of the service range. Built as objects rather than read from a manifest: every
 * cluster has it, and a JVM's first cluster should not pay for a YAML parser it may never need.
 */
final class CoreDnsAddon {
  private static final String NAMESPACE = "kube-system";
  private static final Map<String, String> SELECTOR = Map.of("k8s-app", "kube-dns");

  private CoreDnsAddon() {}

  /**
   * The add-on's objects, in the order kubeadm creates them.
   *
   * @param serviceIp the {@code kube-dns} Service's ClusterIP
   * @param clusterDomain the cluster's DNS domain ({@code cluster.local})
   */
  static List<KubeObject> objects(String serviceIp, String clusterDomain) {
    return List.of(serviceAccount(), corefile(clusterDomain), deployment(), service(serviceIp));
  }

  private static ObjectMeta meta(String name, Map<String, String> labels) {
    return ObjectMeta.builder().name(name).namespace(NAMESPACE).labels(labels).build();
  }

  private static GenericObject serviceAccount() {
    return new GenericObject("v1", "ServiceAccount", meta("coredns", Map.of()), Map.of());
  }

  private static GenericObject corefile(String domain) {
    String corefile = """
        .:53 {
            errors
            health {
               lameduck 5s
            }
            ready
            kubernetes %1$s in-addr.arpa ip6.arpa {
               pods insecure
               fallthrough in-addr.arpa ip6.arpa
               ttl 30
            }
            prometheus :9153
            forward . /etc/resolv.conf {
               max_concurrent 1000
            }
            cache 30 {
               disable success %1$s
               disable denial %1$s
            }
            loop
            reload
            loadbalance
        }
        """.formatted(domain);
    return new GenericObject("v1", "ConfigMap", meta("coredns", Map.of()), Map.of("data", Map.of("Corefile", corefile)));
  }

  private static Deployment deployment() {
    Container coredns = Container.builder()
        .name("coredns")
        .image("registry.k8s.io/coredns/coredns:v1.11.3")
        .args(List.of("-conf", "/etc/coredns/Corefile"))
        .ports(List.of(port("dns", 53, "UDP"), port("dns-tcp", 53, "TCP"), port("metrics", 9153, "TCP")))
        .livenessProbe(Probe.builder().httpGet(httpGet("/health", 8080)).initialDelaySeconds(60).timeoutSeconds(5)
            .successThreshold(1).failureThreshold(5).build())
        .readinessProbe(Probe.builder().httpGet(httpGet("/ready", 8181)).build())
        .build();
    PodSpec pod = PodSpec.builder()
        .priorityClassName("system-cluster-critical")
        .serviceAccountName("coredns")
        .dnsPolicy("Default")
        .containers(List.of(coredns))
        .build();
    DeploymentSpec spec = new DeploymentSpec(
        Optional.of(2),
        Optional.of(new LabelSelector(SELECTOR, List.of())),
        Optional.of(new PodTemplateSpec(ObjectMeta.builder().labels(SELECTOR).build(), Optional.of(pod))),
        Optional.of(new DeploymentStrategy(Optional.of("RollingUpdate"),
            Optional.of(new RollingUpdateDeployment(Optional.of(IntOrString.of(1)), Optional.empty())))),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    return Deployment.of(meta("coredns", SELECTOR), spec);
  }

  private static ContainerPort port(String name, int port, String protocol) {
    return new ContainerPort(Optional.of(name), Optional.empty(), Optional.of(port), Optional.of(protocol), Optional.empty());
  }

  private static HTTPGetAction httpGet(String path, int port) {
    return new HTTPGetAction(Optional.of(path), Optional.of(IntOrString.of(port)), Optional.empty(), Optional.of("HTTP"), List.of());
  }

  private static Service service(String ip) {
    ObjectMeta meta = ObjectMeta.builder().name("kube-dns").namespace(NAMESPACE)
        .labels(Map.of("k8s-app", "kube-dns", "kubernetes.io/cluster-service", "true", "kubernetes.io/name", "CoreDNS"))
        .annotations(Map.of("prometheus.io/port", "9153", "prometheus.io/scrape", "true"))
        .build();
    ServiceSpec spec = ServiceSpec.builder()
        .selector(SELECTOR)
        .clusterIP(ip)
        .ports(List.of(servicePort("dns", 53, "UDP"), servicePort("dns-tcp", 53, "TCP"), servicePort("metrics", 9153, "TCP")))
        .build();
    return Service.of(meta, spec);
  }

  private static ServicePort servicePort(String name, int port, String protocol) {
    return new ServicePort(Optional.of(name), Optional.of(protocol), Optional.empty(), Optional.of(port), Optional.empty(),
        Optional.empty());
  }
}
