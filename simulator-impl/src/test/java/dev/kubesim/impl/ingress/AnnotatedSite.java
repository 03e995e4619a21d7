package dev.kubesim.impl.ingress;

import dev.kubesim.api.Cluster;
import dev.kubesim.api.ExecResult;
import dev.kubesim.api.KubeSim;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster with ingress-nginx and a site behind it for the annotation tests: pods {@code web-0},
 * {@code web-1}, {@code web-2} (kubia, answering {@code You've hit NAME}) behind Service {@code web}
 * port 80, a client pod {@code client}, and an Ingress {@code site} of class nginx for one host whose
 * annotations and paths the test gives.
 */
final class AnnotatedSite implements AutoCloseable {
  final long seed;
  final Cluster cluster;
  final String host;

  AnnotatedSite(long seed, String host) {
    this.seed = seed;
    this.host = host;
    this.cluster = KubeSim.cluster().nodes(3).seed(seed).addons(List.of("coredns", "ingress-nginx")).build();
    StringBuilder pods = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      pods.append("""
          apiVersion: v1
          kind: Pod
          metadata: {name: web-%d, labels: {app: web}}
          spec:
            containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
          ---
          """.formatted(i));
    }
    cluster.apply(pods + """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client}
        spec:
          containers: [{name: c, image: curlimages/curl, command: [sleep, '9999']}]
        """);
  }

  /** Applies the Ingress {@code site} with these annotations ({@code key: value} lines) and Prefix paths to {@code web}. */
  AnnotatedSite ingress(String annotations, String... paths) {
    StringBuilder p = new StringBuilder();
    for (String path : paths) {
      p.append("          - {path: ").append(path)
          .append(", pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n");
    }
    StringBuilder a = new StringBuilder();
    for (String line : annotations.split("\n")) {
      if (!line.isBlank()) {
        a.append("    ").append(line.strip()).append('\n');
      }
    }
    cluster.apply("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: site
          annotations:
        %s
        spec:
          ingressClassName: nginx
          rules:
          - host: %s
            http:
              paths:
        %s""".formatted(a.length() == 0 ? "    {}" : a.toString().stripTrailing(), host, p.toString().stripTrailing()));
    return this;
  }

  /** The controller's LoadBalancer address. */
  String lb() {
    return cluster.service("ingress-nginx", "ingress-nginx-controller").loadBalancerIP().orElseThrow();
  }

  /** {@code curl ARGS http://LB PATH} with the site's Host, from an outside client at {@code ip}. */
  ExecResult curlFrom(String ip, String path, String... args) {
    List<String> argv = new ArrayList<>(List.of("curl"));
    argv.addAll(List.of(args));
    argv.addAll(List.of("-H", "Host: " + host, "http://" + lb() + path));
    return cluster.external(ip).exec(argv);
  }

  /** {@code curl ARGS http://ingress-nginx-controller.ingress-nginx PATH} with the site's Host, from the client pod. */
  ExecResult curlFromPod(String path, String... args) {
    List<String> argv = new ArrayList<>(List.of("curl"));
    argv.addAll(List.of(args));
    argv.addAll(List.of("-H", "Host: " + host, "http://ingress-nginx-controller.ingress-nginx" + path));
    return cluster.exec("default/client", argv.toArray(String[]::new));
  }

  /** The PROXY hop's reason: the controller's decision as the trace shows it. */
  static String decision(ExecResult r) {
    return r.trace().orElseThrow().hops().stream().filter(h -> h.action().name().equals("PROXY")).findFirst()
        .orElseThrow().reason();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
