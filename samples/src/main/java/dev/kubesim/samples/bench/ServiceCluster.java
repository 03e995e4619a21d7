package dev.kubesim.samples.bench;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import dev.kubesim.api.RunningPod;
import dev.kubesim.api.model.EndpointConditions;
import dev.kubesim.api.model.EndpointSlice;
import dev.kubesim.api.model.EndpointSliceEndpoint;
import dev.kubesim.api.model.EndpointSlicePort;
import dev.kubesim.api.model.HTTPIngressPath;
import dev.kubesim.api.model.HTTPIngressRuleValue;
import dev.kubesim.api.model.Ingress;
import dev.kubesim.api.model.IngressBackend;
import dev.kubesim.api.model.IngressRule;
import dev.kubesim.api.model.IngressServiceBackend;
import dev.kubesim.api.model.IngressSpec;
import dev.kubesim.api.model.IntOrString;
import dev.kubesim.api.model.KubeObject;
import dev.kubesim.api.model.ObjectMeta;
import dev.kubesim.api.model.Service;
import dev.kubesim.api.model.ServiceBackendPort;
import dev.kubesim.api.model.ServicePort;
import dev.kubesim.api.model.ServiceSpec;
import dev.kubesim.api.model.ServiceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster the network benchmarks measure in: 3 nodes with the coredns and ingress-nginx
 * add-ons, a client pod, the measured Service {@code bench} over 10 kubia pods with a LoadBalancer
 * Service {@code bench-lb} and an Ingress rule for {@code bench.example.com} in front of them, and
 * {@code services - 1} more selector-less Services whose EndpointSlices list 10 addresses each
 * (kube-proxy programs every one of them and CoreDNS indexes them; no pods need to exist behind
 * them), one in ten of them behind an Ingress rule of its own host (1,000 rules for 10,000
 * Services, in Ingresses of 10 rules). It is built on first use and kept for every later sample, so
 * that the curl and DNS figures of one size share one cluster.
 */
final class ServiceCluster implements BenchCluster {
  /** The pod every measured request comes from. */
  static final String CLIENT = "default/client";
  /** The host of the measured Ingress rule. */
  static final String INGRESS_HOST = "bench.example.com";
  private static final int RULES_PER_INGRESS = 10;

  /** The measured Service {@code bench} over 10 kubia pods of the ReplicationController {@code bench}. */
  static final String BENCH_SERVICE = """
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: bench}
      spec:
        replicas: 10
        selector: {app: bench}
        template:
          metadata: {labels: {app: bench}}
          spec:
            containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: bench}
      spec:
        selector: {app: bench}
        ports: [{port: 80, targetPort: 8080}]
      """;

  private final int services;
  private final String proxyMode;
  private Cluster cluster;
  private RunningPod client;
  private String clusterIp;
  private String loadBalancerAddress;
  private String ingressAddress;

  ServiceCluster(int services) {
    this(services, "iptables");
  }

  /** @param proxyMode kube-proxy's mode, {@code iptables} or {@code nftables} */
  ServiceCluster(int services, String proxyMode) {
    this.services = services;
    this.proxyMode = proxyMode;
  }

  /** The cluster, built on the first call. */
  @Override
  public Cluster cluster() {
    ensure();
    return cluster;
  }

  /** The client pod as its node runs it. */
  RunningPod client() {
    ensure();
    return client;
  }

  /** The {@code bench} Service's ClusterIP. */
  String clusterIp() {
    ensure();
    return clusterIp;
  }

  /** The address the cloud gave {@code bench-lb}. */
  String loadBalancerAddress() {
    ensure();
    return loadBalancerAddress;
  }

  /** The address of the ingress controller's load balancer. */
  String ingressAddress() {
    ensure();
    return ingressAddress;
  }

  private void ensure() {
    if (cluster != null) {
      return;
    }
    Cluster c = KubeSim.cluster().nodes(3).seed(1).addons(List.of("coredns", "ingress-nginx"))
        .kubeProxy(dev.kubesim.api.KubeProxyOptions.defaults().withMode(proxyMode)).build();
    c.apply(BENCH_SERVICE + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: bench-lb}
        spec:
          type: LoadBalancer
          selector: {app: bench}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: bench}
        spec:
          rules:
          - host: bench.example.com
            http:
              paths: [{path: /, pathType: Prefix, backend: {service: {name: bench, port: {number: 80}}}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers: [{name: main, image: curlimages/curl, command: [sleep, "999999"]}]
        """);
    c.applyAll(filler());
    String ip = c.get(Service.class, "default", "bench").orElseThrow().specOrEmpty().clusterIP().orElseThrow();
    String lb = loadBalancerAddress(c, "default", "bench-lb");
    String ingress = loadBalancerAddress(c, "ingress-nginx", "ingress-nginx-controller");
    answers(c.exec(CLIENT, "curl", "-s", "http://" + ip));
    answers(c.external().exec("curl", "-s", "http://" + lb));
    answers(c.external().exec("curl", "-s", "-H", "Host: " + INGRESS_HOST, "http://" + ingress));
    cluster = c;
    client = c.runningPod(CLIENT);
    clusterIp = ip;
    loadBalancerAddress = lb;
    ingressAddress = ingress;
    // Building 10,000 Services leaves much garbage: collect it now, not during the measured samples.
    System.gc();
  }

  /** {@code host: HOST, http: {paths: [{path: /, pathType: Prefix, backend: SERVICE:80}]}}. */
  private static IngressRule rule(String host, String service) {
    IngressBackend backend = new IngressBackend(Optional.of(new IngressServiceBackend(Optional.of(service),
        Optional.of(new ServiceBackendPort(Optional.empty(), Optional.of(80))))), Optional.empty());
    return new IngressRule(Optional.of(host), Optional.of(new HTTPIngressRuleValue(
        List.of(new HTTPIngressPath(Optional.of("/"), Optional.of("Prefix"), Optional.of(backend))))));
  }

  private static String loadBalancerAddress(Cluster c, String namespace, String name) {
    return c.get(Service.class, namespace, name).flatMap(Service::status).flatMap(ServiceStatus::loadBalancer)
        .flatMap(lb -> lb.ingress().stream().findFirst()).flatMap(ServiceStatus.LoadBalancerIngress::ip)
        .orElseThrow(() -> new IllegalStateException("no load balancer address for " + namespace + "/" + name));
  }

  private static void answers(ExecResult r) {
    if (r.exitCode() != 0 || r.trace().isEmpty() || !r.stdout().startsWith("You've hit bench-")) {
      throw new IllegalStateException("the benchmark cluster's Service does not answer: " + r);
    }
  }

  private List<KubeObject> filler() {
    List<KubeObject> filler = new ArrayList<>(2 * services);
    for (int i = 1; i < services; i++) {
      String name = "filler-" + i;
      filler.add(Service.of(ObjectMeta.named("default", name), ServiceSpec.builder()
          .ports(List.of(new ServicePort(Optional.of("http"), Optional.of("TCP"), Optional.empty(), Optional.of(80),
              Optional.of(IntOrString.of(8080)), Optional.empty())))
          .build()));
      List<EndpointSliceEndpoint> endpoints = new ArrayList<>();
      for (int e = 0; e < 10; e++) {
        String ip = "10.244." + (1 + e % 3) + "." + (100 + (i * 10 + e) % 150);
        endpoints.add(new EndpointSliceEndpoint(List.of(ip),
            Optional.of(new EndpointConditions(Optional.of(true), Optional.of(true), Optional.of(false))),
            Optional.empty(), Optional.empty(), Map.of(), Optional.of("node-" + (1 + e % 3)), Optional.empty(), Optional.empty()));
      }
      filler.add(EndpointSlice.of(
          ObjectMeta.builder().namespace("default").name(name + "-x1").labels(Map.of("kubernetes.io/service-name", name)).build(),
          "IPv4", endpoints,
          List.of(new EndpointSlicePort(Optional.of("http"), Optional.of("TCP"), Optional.of(8080), Optional.empty()))));
    }
    List<IngressRule> rules = new ArrayList<>();
    for (int i = 10; i < services; i += 10) {
      rules.add(rule("filler-" + i + ".example.com", "filler-" + i));
      if (rules.size() == RULES_PER_INGRESS || i + 10 >= services) {
        filler.add(Ingress.of(ObjectMeta.named("default", "filler-" + i),
            new IngressSpec(Optional.empty(), Optional.empty(), List.of(), List.copyOf(rules))));
        rules.clear();
      }
    }
    return filler;
  }
}
